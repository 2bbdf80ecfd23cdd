package gopher

// This file is uniseg's UAX #14 state machine (linerules.go, v0.4.7) cut
// down to the classes of runeTable and minimised: 22 states instead of
// uniseg's 30 (NU and NU NU are one state, so are ID and the Hangul
// syllables, and sot, NS, EX, SY and BA are all "other"). It keeps uniseg's
// own decisions where they differ from the letter of UAX #14: "CL SP SP"
// forgets the CL, and a break before "-" is dropped when a digit follows.
// TestLineBreakMachine compares it with uniseg.FirstLineSegmentInString on
// every string of up to four classes and on long random ones.

// lbState is what the machine remembers of the text before a character.
type lbState uint8

// The states are named after the class or the sequence they follow.
const (
	stOther lbState = iota // start of text, NS, EX, SY, BA, IN
	stSP                   // SP
	stAL                   // AL
	stNU                   // NU, NU NU
	stID                   // ID
	stCL                   // CL
	stCP                   // CP (all narrow)
	stOP                   // OP SP*
	stQU                   // QU
	stIS                   // IS
	stHY                   // HY
	stPR                   // PR
	stPO                   // PO
	stB2                   // B2
	stBB                   // BB
	stNUCL                 // NU CL
	stNUCP                 // NU CP
	stNUIS                 // NU IS
	stNUSY                 // NU SY
	stCLSP                 // (CL | CP) SP
	stQUSP                 // QU SP
	stB2SP                 // B2 SP
	lbStates
)

// lbBreaks tells, for each state, whether a line may break before a
// character of each class: '.' no, '/' yes, 'n' yes unless the next
// character is a digit (uniseg's LB25: then there is no break and the state
// becomes stNU).
var lbBreaks = [lbStates]string{
	//       SP AL NU ID CL CP OP OPW QU NS EX IS SY HY BA PR PO IN B2 BB
	stOther: ". / / / . . / / . . . . . . . / / . / /",
	stSP:    ". / / / . . / / / / . . . n / / / / / /",
	stAL:    ". . . / . . . / . . . . . . . . . . / /",
	stNU:    ". . . / . . . / . . . . . . . . . . / /",
	stID:    ". / / / . . / / . . . . . . . / . . / /",
	stCL:    ". / / / . . / / . . . . . . . / / . / /",
	stCP:    ". . . / . . / / . . . . . . . / / . / /",
	stOP:    ". . . . . . . . . . . . . . . . . . . .",
	stQU:    ". . . . . . . . . . . . . . . . . . . .",
	stIS:    ". . / / . . / / . . . . . . . / / . / /",
	stHY:    ". / . / . . / / . . . . . . . / / . / /",
	stPR:    ". . . . . . n n . . . . . . . / / . / /",
	stPO:    ". . . / . . n n . . . . . . . / / . / /",
	stB2:    ". / / / . . / / . . . . . . . / / . . /",
	stBB:    ". . . . . . . . . . . . . . . . . . . .",
	stNUCL:  ". / / / . . / / . . . . . . . . . . / /",
	stNUCP:  ". . . / . . / / . . . . . . . . . . / /",
	stNUIS:  ". . . / . . / / . . . . . . . . . . / /",
	stNUSY:  ". / . / . . / / . . . . . . . . . . / /",
	stCLSP:  ". / / / . . / / / . . . . n / / / / / /",
	stQUSP:  ". / / / . . . . / / . . . n / / / / / /",
	stB2SP:  ". / / / . . / / / / . . . n / / / / . /",
}

// lbNext returns the state after a character of class c in state st.
// Digit lookahead (the 'n' of lbBreaks, and "-" before a digit) is left to
// the caller.
func lbNext(st lbState, c lbClass) lbState {
	switch c {
	case lbSP:
		switch st {
		case stCL, stCP, stNUCL, stNUCP:
			return stCLSP
		case stOP:
			return stOP
		case stQU:
			return stQUSP
		case stB2:
			return stB2SP
		}
		return stSP
	case lbCL, lbCP, lbIS, lbSY:
		// LB13 wins over the number rule unless a number precedes.
		if st == stNU {
			return [...]lbState{lbCL: stNUCL, lbCP: stNUCP, lbIS: stNUIS, lbSY: stNUSY}[c]
		}
		return [...]lbState{lbCL: stCL, lbCP: stCP, lbIS: stIS, lbSY: stOther}[c]
	case lbAL:
		return stAL
	case lbNU:
		return stNU
	case lbID:
		return stID
	case lbOP, lbOPW:
		return stOP
	case lbQU:
		return stQU
	case lbHY:
		return stHY
	case lbPR:
		return stPR
	case lbPO:
		return stPO
	case lbB2:
		return stB2
	case lbBB:
		return stBB
	}
	return stOther // NS, EX, BA, IN
}

// lbStep is one transition: the next state in the low 5 bits, and flags.
type lbStep uint8

const (
	lbStateMask lbStep = 0x1f
	lbBreak     lbStep = 0x20 // a line may break before the character
	lbDigit     lbStep = 0x40 // if a digit follows: no break, state stNU
)

// lbTable holds every transition, built from lbBreaks and lbNext.
var lbTable = buildLBTable()

func buildLBTable() [lbStates][lbClasses]lbStep {
	var t [lbStates][lbClasses]lbStep
	for st := range lbStates {
		row := lbBreaks[st]
		for c := range lbClasses {
			step := lbStep(lbNext(st, c))
			switch row[2*int(c)] {
			case '/':
				step |= lbBreak
			case 'n':
				step |= lbBreak | lbDigit
			}
			if c == lbHY {
				// uniseg looks ahead after every "-", whatever the
				// state.
				step |= lbDigit
			}
			t[st][c] = step
		}
	}
	return t
}
