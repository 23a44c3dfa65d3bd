package p

const x int
