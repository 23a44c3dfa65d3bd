package p

func f(e interface{}, x int, m map[int]int, m1 map[int]int, s [2]func()) {
	switch e {
	case 0:
	case 0:
	case int64(0), "a", float32(1):
	case float32(1):
	}
	switch x {
	case 1, 2, 1:
	}
	switch m {
	case m1:
	case nil:
	}
	switch s {
	}
	switch e.(type) {
	case int, string, int:
	case nil, nil:
	}
}
