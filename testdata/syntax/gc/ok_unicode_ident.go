package p

var äöü, 日本, π, x٣ = 1, 2, 3.14, 4
var _ = äöü + 日本 + x٣
var _ = π
