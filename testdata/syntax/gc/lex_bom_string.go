package p

var x = "﻿"
