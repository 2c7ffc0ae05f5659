/** The Cairo instruction word: encoding and decoding (CAIRO.md §3). */
package io.cairn.lang.encode;
