package p

type F func[P any]()
