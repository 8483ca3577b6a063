// <credence-chart>: one Chart.js chart in a shadow root. The server sets `config` to a Chart.js
// configuration as a JSON string ({type, data, options}); JSON cannot carry functions, so two extra
// options stand in for the formatters a chart needs:
//   options.percentAxis: "x" or "y" - ticks and tooltips of that axis are percentages (or end in
//     options.valueSuffix, e.g. " pts", when that is set);
//   options.floatingLabel: true - a floating bar's tooltip shows its [from, to] range.
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
    const unit = options.valueSuffix ?? "%";
    if (options.percentAxis) format(options, options.percentAxis, unit);
    if (options.floatingLabel) floating(options, unit);
    this._canvas.setAttribute("aria-label", this.getAttribute("aria-label") ?? "chart");
    this._chart?.destroy();
    this._chart = new Chart(this._canvas, config);
    this.setAttribute("data-rendered", "");
  }
}

const formatted = (value, unit) => `${Math.round(value * 10) / 10}${unit}`;

function format(options, axis, unit) {
  options.scales ??= {};
  const scale = (options.scales[axis] ??= {});
  scale.ticks = { ...(scale.ticks ?? {}), callback: (value) => formatted(value, unit) };
  options.plugins ??= {};
  options.plugins.tooltip ??= {};
  options.plugins.tooltip.callbacks = {
    ...(options.plugins.tooltip.callbacks ?? {}),
    label: (item) => {
      const value = axis === "x" ? item.parsed.x : item.parsed.y;
      return `${item.dataset.label}: ${formatted(value, unit)}`;
    },
  };
}

function floating(options, unit) {
  options.plugins ??= {};
  options.plugins.tooltip ??= {};
  const label = options.plugins.tooltip.callbacks?.label;
  options.plugins.tooltip.callbacks = {
    ...(options.plugins.tooltip.callbacks ?? {}),
    label: (item) => {
      const raw = item.raw;
      if (Array.isArray(raw)) return `${item.dataset.label}: ${formatted(raw[0], unit)} to ${formatted(raw[1], unit)}`;
      return label ? label(item) : `${item.dataset.label}: ${item.formattedValue}`;
    },
  };
}

customElements.define("credence-chart", CredenceChart);
