import { EditorView, basicSetup } from "codemirror";
import { Annotation, Compartment, EditorSelection, EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration } from "@codemirror/view";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { tags } from "@lezer/highlight";
import { languageFor } from "./modes.js";

// How long typing must pause before the text goes to the server for validation.
const CHANGE_DELAY_MS = 600;

// Marks a transaction that came from the server, so it is not echoed back as the analyst's change.
const fromServer = Annotation.define();

const setErrorLines = StateEffect.define();

// A tinted background on every line with an error: diagnostics alone underline only a few characters.
const errorLines = StateField.define({
  create: () => Decoration.none,
  update(lines, tr) {
    lines = lines.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setErrorLines)) lines = effect.value;
    }
    return lines;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const highlighting = HighlightStyle.define([
  { tag: tags.keyword, color: "#7c3aed", fontWeight: "600" },
  { tag: tags.string, color: "#a14b00" },
  { tag: tags.comment, color: "#6b7280", fontStyle: "italic" },
  { tag: tags.number, color: "#0e7490" },
  { tag: tags.atom, color: "#0e7490", fontWeight: "600" },
  { tag: tags.typeName, color: "#1d4ed8" },
  { tag: tags.special(tags.variableName), color: "#be123c" },
  { tag: tags.propertyName, color: "#1d4ed8" },
  { tag: tags.meta, color: "#7c3aed" },
  { tag: tags.operator, color: "#374151" },
]);

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "#fff" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace",
    lineHeight: "1.5",
  },
  ".cm-gutters": { backgroundColor: "#f6f7f9", borderRight: "1px solid #e2e5ea", color: "#8a94a3" },
  ".cm-error-line": { backgroundColor: "#fdecec" },
  ".cm-activeLine": { backgroundColor: "#f3f6fc" },
  ".cm-error-line.cm-activeLine": { backgroundColor: "#fbe0e0" },
  "&.cm-readonly .cm-content": { caretColor: "transparent" },
  "&.cm-readonly": { backgroundColor: "#fafafa" },
});

const HOST_STYLE = `
  :host { display: block; position: relative; min-height: 10em; border: 1px solid var(--lumo-contrast-20pct, #d0d5dd);
          border-radius: var(--lumo-border-radius-m, 4px); overflow: hidden; }
  :host([hidden]) { display: none; }
  .mount { position: absolute; inset: 0; }
`;

const UPGRADED_PROPERTIES = ["value", "errors", "readonly", "mode", "phrases"];

class DrlEditor extends HTMLElement {
  #view;
  #language = new Compartment();
  #editable = new Compartment();
  #translation = new Compartment();
  #phrases = {};
  #mode = "drl";
  #readonly = false;
  #errors = [];
  #timer = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = HOST_STYLE;
    const mount = document.createElement("div");
    mount.className = "mount";
    root.append(style, mount);
    this.#view = new EditorView({
      root,
      parent: mount,
      state: EditorState.create({ doc: "", extensions: this.#extensions() }),
    });
  }

  connectedCallback() {
    // Vaadin may set properties before this module is loaded; re-apply them through the setters.
    for (const name of UPGRADED_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  disconnectedCallback() {
    this.#flush();
  }

  get value() {
    return this.#view.state.doc.toString();
  }

  set value(text) {
    text = text ?? "";
    if (text === this.value) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#view.dispatch({
      changes: { from: 0, to: this.#view.state.doc.length, insert: text },
      annotations: fromServer.of(true),
    });
    this.#showErrors();
  }

  get mode() {
    return this.#mode;
  }

  set mode(mode) {
    this.#mode = mode || "drl";
    this.#view.dispatch({ effects: this.#language.reconfigure(languageFor(this.#mode)) });
  }

  get readonly() {
    return this.#readonly;
  }

  set readonly(readonly) {
    this.#readonly = !!readonly;
    this.toggleAttribute("readonly", this.#readonly);
    this.#view.dispatch({ effects: this.#editable.reconfigure(this.#editability()) });
  }

  get phrases() {
    return this.#phrases;
  }

  /** CodeMirror's own texts (search panel, folding, lint) in the reader's language: {"Find": "查找", …}. */
  set phrases(phrases) {
    this.#phrases = typeof phrases === "string" ? JSON.parse(phrases) : phrases || {};
    this.#view.dispatch({ effects: this.#translation.reconfigure(EditorState.phrases.of(this.#phrases)) });
  }

  get errors() {
    return this.#errors;
  }

  /** Errors as [{line, column, message}], 1-based; a missing line marks nothing in the text. */
  set errors(errors) {
    this.#errors = typeof errors === "string" ? JSON.parse(errors) : errors || [];
    this.#showErrors();
  }

  setErrors(errors) {
    this.errors = errors;
  }

  /** Puts the cursor at the start of a line and scrolls it into the middle of the view. */
  revealLine(line, column) {
    const doc = this.#view.state.doc;
    const target = doc.line(Math.min(Math.max(line || 1, 1), doc.lines));
    const position = Math.min(target.from + Math.max((column || 1) - 1, 0), target.to);
    this.#view.dispatch({
      selection: EditorSelection.cursor(position),
      effects: EditorView.scrollIntoView(position, { y: "center" }),
    });
    this.#view.focus();
  }

  focus() {
    this.#view.focus();
  }

  #extensions() {
    return [
      basicSetup,
      EditorView.lineWrapping,
      this.#language.of(languageFor(this.#mode)),
      this.#editable.of(this.#editability()),
      this.#translation.of(EditorState.phrases.of(this.#phrases)),
      syntaxHighlighting(highlighting),
      theme,
      lintGutter(),
      errorLines,
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromServer))) this.#schedule();
      }),
      EditorView.domEventHandlers({ blur: () => this.#flush() }),
    ];
  }

  #editability() {
    return [
      EditorState.readOnly.of(this.#readonly),
      EditorView.editable.of(!this.#readonly),
      EditorView.editorAttributes.of({ class: this.#readonly ? "cm-readonly" : "" }),
    ];
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), CHANGE_DELAY_MS);
  }

  // Sends a pending change at once: on blur, so a click on "Save" never races the debounce.
  #flush() {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
    this.dispatchEvent(new CustomEvent("change", { detail: { value: this.value } }));
  }

  #showErrors() {
    const doc = this.#view.state.doc;
    const diagnostics = [];
    const lines = [];
    for (const error of this.#errors) {
      if (!error || !error.line || error.line < 1) continue;
      const line = doc.line(Math.min(error.line, doc.lines));
      const from = Math.min(line.from + Math.max((error.column || 1) - 1, 0), line.to);
      const to = from < line.to ? line.to : Math.min(from + 1, doc.length);
      diagnostics.push({ from, to, severity: "error", message: error.message || "Error" });
      lines.push(Decoration.line({ class: "cm-error-line" }).range(line.from));
    }
    lines.sort((a, b) => a.from - b.from);
    const tr = setDiagnostics(this.#view.state, diagnostics);
    this.#view.dispatch({
      ...tr,
      effects: [].concat(tr.effects || [], setErrorLines.of(Decoration.set(lines, true))),
    });
  }
}

if (!customElements.get("drl-editor")) customElements.define("drl-editor", DrlEditor);
