package p

/* æ— */
var x = 1
