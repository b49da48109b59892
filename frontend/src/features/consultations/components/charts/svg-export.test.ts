import { EXPORT_MARGIN, serializeSvg, svgBlob, svgSize } from './svg-export';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A chart-like SVG in the document, styled by a stylesheet as the page styles its charts. */
function mountChart() {
  const style = document.createElement('style');
  style.textContent = `
    .bar { fill: rgb(24, 100, 171); }
    .row { fill: rgb(200, 0, 0); }
    .label { font-family: "Noto Sans", sans-serif; font-size: 13px; font-style: italic; fill: rgb(200, 0, 0); }
  `;
  document.head.append(style);
  const host = document.createElement('div');
  host.innerHTML = `
    <svg class="chart" viewBox="0 0 320 96" width="100%" role="img" aria-hidden="true">
      <title>Answers to q1</title>
      <g class="row"><text class="label" x="0" y="14">Sea &amp; air &lt;freight&gt;</text><rect class="bar" x="0" y="20" width="120" height="18"/></g>
    </svg>`;
  document.body.append(host);
  const svg = host.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
  return { svg, cleanup: () => (host.remove(), style.remove()) };
}

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('exporting a chart', () => {
  it('reads the size from the viewBox', () => {
    const { svg, cleanup } = mountChart();
    expect(svgSize(svg)).toEqual({ width: 320, height: 96 });
    cleanup();
  });

  it('serializes a standalone SVG document with the computed styles inlined', () => {
    const { svg, cleanup } = mountChart();
    const text = serializeSvg(svg);
    cleanup();

    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(text);
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('xmlns')).toBe(SVG_NS);
    // A file has a size of its own, not the page's 100 %, and a margin round the chart.
    expect(EXPORT_MARGIN).toBe(16);
    expect(root.getAttribute('width')).toBe('352');
    expect(root.getAttribute('height')).toBe('128');
    expect(root.getAttribute('viewBox')).toBe('-16 -16 352 128');
    expect(root.hasAttribute('aria-hidden')).toBe(false);
    // The stylesheet does not travel with the file: what it decided is written on each element.
    expect(root.querySelector('g rect')?.getAttribute('style')).toContain('fill:rgb(24, 100, 171)');
    const label = root.querySelector('text')?.getAttribute('style') ?? '';
    expect(label).toContain('font-family:"Noto Sans", sans-serif');
    expect(label).toContain('font-size:13px');
    expect(label).toContain('font-style:italic');
    // What an element would inherit anyway is not repeated on it.
    expect(root.querySelector('g')?.getAttribute('style')).toContain('fill:rgb(200, 0, 0)');
    expect(label).not.toContain('fill:');
    expect(root.querySelector('[class]')).toBeNull();
    // Text is escaped, and the title stays so the file is named in an image viewer.
    expect(root.querySelector('text')?.textContent).toBe('Sea & air <freight>');
    expect(root.querySelector('title')?.textContent).toBe('Answers to q1');
  });

  it('puts a white background under the chart, so it reads on a dark slide', () => {
    const { svg, cleanup } = mountChart();
    const root = parse(serializeSvg(svg)).documentElement;
    cleanup();
    const backdrop = root.firstElementChild;
    expect(backdrop?.tagName).toBe('rect');
    expect(backdrop?.getAttribute('fill')).toBe('#ffffff');
    // It covers the margin too.
    expect(['x', 'y', 'width', 'height'].map((a) => backdrop?.getAttribute(a))).toEqual(['-16', '-16', '352', '128']);
  });

  it('names the file after what it shows when told', () => {
    const { svg, cleanup } = mountChart();
    const root = parse(serializeSvg(svg, { title: 'How do you ship? (q1)' })).documentElement;
    cleanup();
    expect(root.querySelector('title')?.textContent).toBe('How do you ship? (q1)');
    // The chart on the page keeps its own.
    expect(svg.querySelector('title')?.textContent).toBe('Answers to q1');
  });

  it('leaves the chart on the page as it was', () => {
    const { svg, cleanup } = mountChart();
    const before = svg.outerHTML;
    serializeSvg(svg);
    expect(svg.outerHTML).toBe(before);
    cleanup();
  });

  it('makes an SVG file of the chart', async () => {
    const { svg, cleanup } = mountChart();
    const blob = svgBlob(svg, { title: 'How do you ship? (q1)' });
    cleanup();
    expect(blob.type).toBe('image/svg+xml;charset=utf-8');
    const text = await blob.text();
    expect(text.startsWith('<?xml')).toBe(true);
    expect(parse(text).querySelector('title')?.textContent).toBe('How do you ship? (q1)');
  });
});
