package io.cairn.lang.parser;

import io.cairn.lang.CairoCompileException;
import io.cairn.lang.ast.Location;
import io.cairn.lang.ast.Notes;
import io.cairn.lang.ast.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Cairo 0 source into tokens; hints stay whole. Newlines and comments are not tokens: what lay between two
 * tokens is kept as {@link Notes} for the parser to put back where expressions keep them.
 */
final class Lexer {
  enum Kind {
    IDENT,
    INT,
    HEX,
    STRING,
    SHORT_STRING,
    HINT,
    DIRECTIVE,
    PUNCT,
    EOF
  }

  record Token(Kind kind, String text, Location location) {
    boolean is(String s) {
      return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }
  }

  private static final String[] PUNCTS = {
    "++", "==", "**", "!=", "->", "+=", "@", ",", ":", ";", "=", "(", ")", "[", "]", "{", "}",
    "+", "-", "*", "/", "&", "."
  };

  private final SourceFile file;
  private final String s;
  private int pos, line = 1, col = 1;
  /** The gap before each token of the last {@link #tokenize()}, by token index. */
  private final List<Notes> gaps = new ArrayList<>();
  private boolean gapNewLine, gapSawComment;
  private List<String> gapComments;

  /** The location every token's location points to as its parent (generated code), or null. */
  private Location parent;
  private String parentMessage;

  Lexer(SourceFile file, Location parent, String parentMessage) {
    this(file);
    this.parent = parent;
    this.parentMessage = parentMessage;
  }

  Lexer(SourceFile file) {
    this.file = file;
    this.s = file.text();
  }

  List<Token> tokenize() {
    List<Token> out = new ArrayList<>();
    gaps.clear();
    while (true) {
      skipSpace();
      gaps.add(gapNewLine || gapComments != null
          ? new Notes(gapNewLine, gapComments == null ? List.of() : List.copyOf(gapComments))
          : Notes.NONE);
      if (pos >= s.length()) {
        out.add(new Token(Kind.EOF, "", loc(line, col, line, col + 1)));
        return out;
      }
      int sl = line, sc = col;
      char c = s.charAt(pos);
      if (Character.isLetter(c) || c == '_') {
        int st = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) adv();
        out.add(new Token(Kind.IDENT, s.substring(st, pos), loc(sl, sc, line, col)));
      } else if (Character.isDigit(c)) {
        int st = pos;
        Kind k = Kind.INT;
        if (c == '0' && pos + 1 < s.length() && s.charAt(pos + 1) == 'x') {
          adv();
          adv();
          k = Kind.HEX;
          while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) adv();
        } else {
          while (pos < s.length() && Character.isDigit(s.charAt(pos))) adv();
        }
        out.add(new Token(k, s.substring(st, pos), loc(sl, sc, line, col)));
      } else if (c == '"' || c == '\'') {
        int st = pos;
        adv();
        while (pos < s.length() && s.charAt(pos) != c) {
          if (s.charAt(pos) == '\n') throw err(sl, sc, "Unterminated string.");
          adv();
        }
        if (pos >= s.length()) throw err(sl, sc, "Unterminated string.");
        adv();
        out.add(
            new Token(
                c == '"' ? Kind.STRING : Kind.SHORT_STRING,
                s.substring(st + 1, pos - 1),
                loc(sl, sc, line, col)));
      } else if (c == '%' && s.startsWith("%{", pos)) {
        int end = s.indexOf("%}", pos + 2);
        if (end < 0) throw err(sl, sc, "Unterminated hint: missing '%}'.");
        int st = pos;
        while (pos < end + 2) adv();
        out.add(new Token(Kind.HINT, s.substring(st, pos), loc(sl, sc, line, col)));
      } else if (c == '%') {
        int st = pos;
        int end = s.indexOf('\n', pos);
        if (end < 0) end = s.length();
        int cm = s.indexOf("//", pos);
        if (cm >= 0 && cm < end) end = cm;
        while (pos < end) adv();
        out.add(new Token(Kind.DIRECTIVE, s.substring(st, end).strip(), loc(sl, sc, line, col)));
      } else {
        String p = null;
        for (String cand : PUNCTS) {
          if (s.startsWith(cand, pos)) {
            p = cand;
            break;
          }
        }
        if (p == null) throw err(sl, sc, "Unexpected character '" + c + "'.");
        for (int i = 0; i < p.length(); i++) adv();
        out.add(new Token(Kind.PUNCT, p, loc(sl, sc, line, col)));
      }
    }
  }

  /** The gaps before the tokens of the last {@link #tokenize()}, aligned with them. */
  List<Notes> gaps() {
    return gaps;
  }

  private void skipSpace() {
    gapNewLine = false;
    gapSawComment = false;
    gapComments = null;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '\n') {
        if (!gapSawComment) gapNewLine = true;
        adv();
      } else if (c == ' ' || c == '\t' || c == '\r') adv();
      else if (c == '/' && pos + 1 < s.length() && s.charAt(pos + 1) == '/') {
        int st = pos;
        while (pos < s.length() && s.charAt(pos) != '\n') adv();
        if (gapComments == null) gapComments = new ArrayList<>();
        gapComments.add(s.substring(st, pos).strip());
        gapSawComment = true;
      } else return;
    }
  }

  private void adv() {
    if (s.charAt(pos) == '\n') {
      line++;
      col = 1;
    } else col++;
    pos++;
  }

  private Location loc(int l1, int c1, int l2, int c2) {
    return new Location(file, l1, c1, l2, c2, parent, parent == null ? null : parentMessage);
  }

  private CairoCompileException err(int l, int c, String msg) {
    return new CairoCompileException(loc(l, c, l, c + 1), msg);
  }
}
