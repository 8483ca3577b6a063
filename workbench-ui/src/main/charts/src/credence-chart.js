// <credence-chart>: one Chart.js chart in a shadow root. The server sets `config` to a Chart.js
// configuration as a JSON string ({type, data, options}); JSON cannot carry functions, so a few extra
// options stand in for the formatters a chart needs. Every word comes from the server in the reader's
// language; this file holds none.
//   options.locale: the reader's locale (BCP 47, e.g. "en-IN", "zh-CN"); Chart.js formats its own
//     numbers with it, and so do the formatters below;
//   options.percentAxis: "x" or "y" - ticks and tooltips of that axis are percentages (or numbers
//     followed by options.valueSuffix, e.g. " pts", when that is set);
//   options.floatingLabel: a floating bar's tooltip shows its range with this pattern, "{from}" and
//     "{to}" standing for the two ends ("{from} to {to}", "{from} 至 {to}").
// Animation is off: figures appear at once and a screenshot always shows the final chart. Once drawn,
// the element carries data-rendered, which the browser tests wait for.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, PointElement, ScatterController, Title, Tooltip);

const STYLE = `
  :host { display: block; position: relative; width: 100%; height: 260px; }
  .frame { position: absolute; inset: 0; }
`;

class CredenceChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = `<style>${STYLE}</style><div class="frame"><canvas role="img"></canvas></div>`;
    this._canvas = root.querySelector("canvas");
  }

  set config(value) {
    this._config = typeof value === "string" && value ? JSON.parse(value) : value;
    this._draw();
  }

  get config() {
    return this._config;
  }

  connectedCallback() {
    this._draw();
  }

  disconnectedCallback() {
    this._chart?.destroy();
    this._chart = null;
    this.removeAttribute("data-rendered");
  }

  _draw() {
    if (!this.isConnected || !this._config) return;
    const config = structuredClone(this._config);
    const options = (config.options ??= {});
    Object.assign(options, { responsive: true, maintainAspectRatio: false, animation: false });
    options.locale = supported(options.locale);
    const figure = formatter(options.locale, options.valueSuffix);
    if (options.percentAxis) format(options, options.percentAxis, figure);
    if (options.floatingLabel) floating(options, figure, options.floatingLabel);
    const label = this.getAttribute("aria-label");
    if (label) this._canvas.setAttribute("aria-label", label);
    else this._canvas.removeAttribute("aria-label");
    this._chart?.destroy();
    this._chart = new Chart(this._canvas, config);
    this.setAttribute("data-rendered", "");
  }
}

// A figure in points (0 to 100) as the reader writes it: "18.9%", "18,9 %", or "+5.2 pts" with a suffix.
function formatter(locale, suffix) {
  const safeLocale = supported(locale);
  if (suffix != null) {
    const number = new Intl.NumberFormat(safeLocale, { maximumFractionDigits: 1 });
    return (value) => `${number.format(value)}${suffix}`;
  }
  const percent = new Intl.NumberFormat(safeLocale, { style: "percent", maximumFractionDigits: 1 });
  return (value) => percent.format(value / 100);
}

function supported(locale) {
  try {
    return locale && Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : undefined;
  } catch {
    return undefined;
  }
}

function format(options, axis, figure) {
  options.scales ??= {};
  const scale = (options.scales[axis] ??= {});
  scale.ticks = { ...(scale.ticks ?? {}), callback: (value) => figure(value) };
  options.plugins ??= {};
  options.plugins.tooltip ??= {};
  options.plugins.tooltip.callbacks = {
    ...(options.plugins.tooltip.callbacks ?? {}),
    label: (item) => {
      const value = axis === "x" ? item.parsed.x : item.parsed.y;
      return `${item.dataset.label}: ${figure(value)}`;
    },
  };
}

function floating(options, figure, pattern) {
  const range = typeof pattern === "string" ? pattern : "{from} – {to}";
  options.plugins ??= {};
  options.plugins.tooltip ??= {};
  const label = options.plugins.tooltip.callbacks?.label;
  options.plugins.tooltip.callbacks = {
    ...(options.plugins.tooltip.callbacks ?? {}),
    label: (item) => {
      const raw = item.raw;
      if (Array.isArray(raw)) {
        return `${item.dataset.label}: ${range.replace("{from}", figure(raw[0])).replace("{to}", figure(raw[1]))}`;
      }
      return label ? label(item) : `${item.dataset.label}: ${item.formattedValue}`;
    },
  };
}

customElements.define("credence-chart", CredenceChart);
