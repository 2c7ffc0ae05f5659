/**
 * Builtin runners, a closed set with one file each (CAIRO.md §7.1): deduction and validation rules, allocation per
 * layout ratio, range-check/diluted usage and AIR private input, following cairo-lang v0.14.0.1.
 */
package io.cairn.vm.builtins;
