package p

import ;
