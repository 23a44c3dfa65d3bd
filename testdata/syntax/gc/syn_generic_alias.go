package p

type A[T any] = int
