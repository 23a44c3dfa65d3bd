// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package p

type _[_ []t]t
type _[_ [1]t]t

func _[_ []t]() {}
func _[_ [1]t]() {}

type t [t /* ERROR "all type parameters must be named" */ [0]]t
