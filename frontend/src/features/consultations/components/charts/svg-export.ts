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

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The intrinsic size of a chart: its viewBox, else its width and height attributes. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getAttribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box.every(Number.isFinite)) return { width: box[2] ?? 0, height: box[3] ?? 0 };
  return { width: Number(svg.getAttribute('width')) || 0, height: Number(svg.getAttribute('height')) || 0 };
}

/** A standalone SVG document of `svg`, looking as it does on the page. */
export function serializeSvg(svg: SVGSVGElement, background = '#ffffff'): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const view = svg.ownerDocument.defaultView;
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy || !view) return;
    const computed = view.getComputedStyle(original);
    const inline = STYLE_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const)
      .filter(([, value]) => value !== '')
      .map(([p, value]) => `${p}:${value}`)
      .join(';');
    if (inline) copy.setAttribute('style', inline);
    // Classes mean nothing outside the page's stylesheet.
    copy.removeAttribute('class');
  });

  const { width, height } = svgSize(svg);
  // No xmlns attribute to add: the serializer declares the SVG namespace of the root itself (adding one
  // as well writes it twice, which no viewer opens).
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('aria-hidden');
  const backdrop = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  clone.insertBefore(backdrop, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** The chart as an SVG file. */
export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([serializeSvg(svg)], { type: 'image/svg+xml;charset=utf-8' });
}

/** The chart as a PNG at `scale` times its size. */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const image = new Image();
  // A data URL, not a blob URL: a canvas that drew one stays exportable in every browser.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg))}`;
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

/** Saves `blob` as a download named `fileName`. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
