package capsule

// Version is capsule's version, shown by capsuled -version and in caps.txt.
const Version = "0.1.0-dev"
