#include "textflag.h"

// func mark()
TEXT ·mark(SB), NOSPLIT, $0-0
	MOVW $1, R0
	MOVW R0, ·marked(SB)
	RET
