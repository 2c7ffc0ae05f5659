// Cairn standard library: boolean constants.
const FALSE = 0;
const TRUE = 1;
