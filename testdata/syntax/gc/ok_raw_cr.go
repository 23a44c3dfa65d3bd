package p

const raw = `line1
line2
`

var _ = raw == "line1\nline2\n"
