import { StreamLanguage } from "@codemirror/language";

// Words the analyst's DRL is built from: rule structure, conditional elements, rule attributes and
// the consequence's actions on working memory.
const DRL_KEYWORDS = new Set([
  "package", "import", "function", "global", "declare", "query", "rule", "extends", "when", "then", "end",
  "attributes", "salience", "enabled", "dialect", "duration", "timer", "calendars",
  "not", "exists", "forall", "and", "or", "eval", "from", "collect", "accumulate", "entry-point",
  "in", "matches", "memberOf", "contains", "soundslike", "str", "over", "window",
  "modify", "insert", "insertLogical", "update", "delete", "retract", "drools", "kcontext",
  "new", "return", "if", "else", "for", "while", "instanceof", "this",
]);

const DRL_HYPHENATED = /^(no-loop|lock-on-active|agenda-group|activation-group|ruleflow-group|auto-focus|date-effective|date-expires|entry-point)\b/;

export const drl = StreamLanguage.define({
  name: "drl",
  startState: () => ({ inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo("*/")) {
        stream.pos += 2;
        state.inComment = false;
      } else {
        stream.skipToEnd();
      }
      return "comment";
    }
    if (stream.eatSpace()) return null;
    if (stream.match("//")) {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.match("/*")) {
      state.inComment = true;
      return "comment";
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return "string";
    if (stream.match(/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[BbLlDdFfIi]?\b/)) return "number";
    if (stream.match(/^\$[A-Za-z_]\w*/)) return "variableName.special";
    if (stream.match(/^@[A-Za-z_]\w*/)) return "meta";
    if (stream.match(DRL_HYPHENATED)) return "keyword";
    const word = stream.match(/^[A-Za-z_]\w*/);
    if (word) {
      const text = word[0];
      if (DRL_KEYWORDS.has(text)) return "keyword";
      if (text === "true" || text === "false" || text === "null") return "atom";
      if (/^[A-Z]/.test(text)) return "typeName";
      return "variableName";
    }
    if (stream.match(/^(==|!=|<=|>=|&&|\|\||[<>=!+\-*\/%])/)) return "operator";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "//", block: { open: "/*", close: "*/" } } },
});

export const json = StreamLanguage.define({
  name: "json",
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
      return stream.match(/^\s*:/, false) ? "propertyName" : "string";
    }
    if (stream.match(/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/)) return "number";
    if (stream.match(/^(true|false|null)\b/)) return "atom";
    stream.next();
    return null;
  },
});

export const xml = StreamLanguage.define({
  name: "xml",
  startState: () => ({ inTag: false, inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo("-->")) {
        stream.pos += 3;
        state.inComment = false;
      } else {
        stream.skipToEnd();
      }
      return "comment";
    }
    if (stream.match("<!--")) {
      state.inComment = true;
      return "comment";
    }
    if (state.inTag) {
      if (stream.eatSpace()) return null;
      if (stream.match(/^\/?>/) || stream.match("?>")) {
        state.inTag = false;
        return "bracket";
      }
      if (stream.match(/^"[^"]*"?/) || stream.match(/^'[^']*'?/)) return "string";
      if (stream.match(/^[\w:.-]+/)) return "propertyName";
      stream.next();
      return null;
    }
    if (stream.match(/^<[/?]?[\w:.-]+/)) {
      state.inTag = true;
      return "typeName";
    }
    stream.next();
    return null;
  },
});

export function languageFor(mode) {
  switch (mode) {
    case "json": return json;
    case "xml": return xml;
    case "plain": return [];
    default: return drl;
  }
}
