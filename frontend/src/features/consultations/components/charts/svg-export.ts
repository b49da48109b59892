// Saving a chart as a file. The SVG on the page takes its colours and font from the stylesheet and the
// page's font stack, which a file opened on its own (in slides, a report) does not have: the export
// copies each element's computed style onto it, gives it a white background and a size, and serializes
// it. The PNG is that SVG drawn on a canvas at twice its size, sharp on a projector or a printed page.

/** The computed properties that decide how a chart looks; the rest are defaults or layout. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'font-variant-numeric',
] as const;

/** Of those, the one an element does not inherit: written wherever it is not its initial value. */
const NOT_INHERITED = new Map([['opacity', '1']]);

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The intrinsic size of a chart: its viewBox, else its width and height attributes. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getAttribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box.every(Number.isFinite)) return { width: box[2] ?? 0, height: box[3] ?? 0 };
  return { width: Number(svg.getAttribute('width')) || 0, height: Number(svg.getAttribute('height')) || 0 };
}

/** The white space around a saved chart, in SVG units on each side, so text does not touch the edge. */
export const EXPORT_MARGIN = 16;

/** The computed values of STYLE_PROPERTIES on `element`. */
function computedStyle(element: Element): Map<string, string> {
  const computed = element.ownerDocument.defaultView?.getComputedStyle(element);
  return new Map(STYLE_PROPERTIES.map((p) => [p, computed?.getPropertyValue(p) ?? '']));
}

export type SerializeOptions = { background?: string; title?: string };

/**
 * A standalone SVG document of `svg`, looking as it does on the page: each element carries the computed
 * values that differ from its parent's (the rest it inherits, as on the page), classes are dropped, and
 * the file gets a size, a margin, a white background and `title` as its name when given.
 */
export function serializeSvg(svg: SVGSVGElement, { background = '#ffffff', title }: SerializeOptions = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const styles = new Map(originals.map((element) => [element, computedStyle(element)]));
  originals.forEach((original, i) => {
    const copy = copies[i];
    const own = styles.get(original);
    if (!copy || !own) return;
    const parent = original === svg || !original.parentElement ? undefined : styles.get(original.parentElement);
    const inline = [...own]
      .filter(([p, value]) => value !== '' && value !== (NOT_INHERITED.get(p) ?? parent?.get(p)))
      .map(([p, value]) => `${p}:${value}`)
      .join(';');
    if (inline) copy.setAttribute('style', inline);
    else copy.removeAttribute('style');
    // Classes mean nothing outside the page's stylesheet.
    copy.removeAttribute('class');
  });

  const { width, height } = svgSize(svg);
  const [outerWidth, outerHeight] = [width + 2 * EXPORT_MARGIN, height + 2 * EXPORT_MARGIN];
  // No xmlns attribute to add: the serializer declares the SVG namespace of the root itself (adding one
  // as well writes it twice, which no viewer opens).
  clone.setAttribute('viewBox', `${-EXPORT_MARGIN} ${-EXPORT_MARGIN} ${outerWidth} ${outerHeight}`);
  clone.setAttribute('width', String(outerWidth));
  clone.setAttribute('height', String(outerHeight));
  clone.removeAttribute('aria-hidden');
  const backdrop = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [
    ['x', -EXPORT_MARGIN],
    ['y', -EXPORT_MARGIN],
    ['width', outerWidth],
    ['height', outerHeight],
  ] as const) {
    backdrop.setAttribute(name, String(value));
  }
  backdrop.setAttribute('fill', background);
  clone.insertBefore(backdrop, clone.firstChild);
  const name = clone.querySelector(':scope > title');
  if (title && name) name.textContent = title;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The chart as an SVG file. */
export function svgBlob(svg: SVGSVGElement, options: SerializeOptions = {}): Blob {
  return new Blob([serializeSvg(svg, options)], { type: 'image/svg+xml;charset=utf-8' });
}

/** The chart as a PNG at `scale` times the size of its SVG file (margin included). */
export async function pngBlob(svg: SVGSVGElement, options: SerializeOptions = {}, scale = 2): Promise<Blob> {
  const size = svgSize(svg);
  const [width, height] = [size.width + 2 * EXPORT_MARGIN, size.height + 2 * EXPORT_MARGIN];
  const image = new Image();
  // A data URL, not a blob URL: a canvas that drew one stays exportable in every browser.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg, options))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as an image.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('This browser cannot save the chart as PNG.'))),
      'image/png',
    ),
  );
}
