package p

}
