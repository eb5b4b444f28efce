/** Inline SVG icons (24x24, stroke), drawn from path data so no file has to be served. */

const SVG_NS = 'http://www.w3.org/2000/svg';

const PATHS = {
  mic: ['M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z', 'M19 11a7 7 0 0 1-14 0', 'M12 18v3'],
  micOff: ['M9 9v3a3 3 0 0 0 5.1 2.1', 'M15 9.3V6a3 3 0 0 0-5.7-1.3', 'M19 11a7 7 0 0 1-1.2 3.9', 'M5 11a7 7 0 0 0 11.3 5.5', 'M12 18v3', 'M3 3l18 18'],
  camera: ['M3 7h12v10H3z', 'M15 10l6-3v10l-6-3'],
  cameraOff: ['M3 7h3m4 0h5v5', 'M15 10l6-3v10l-6-3', 'M3 7v10h12v-2', 'M3 3l18 18'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  leave: ['M15 4h4v16h-4', 'M10 8l-4 4 4 4', 'M6 12h10'],
  dice: ['M4 4h16v16H4z', 'M8.5 8.5h.01', 'M15.5 15.5h.01', 'M15.5 8.5h.01', 'M8.5 15.5h.01', 'M12 12h.01'],
  pencil: ['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  screen: ['M3 4h18v12H3z', 'M8 20h8', 'M12 16v4'],
  screenOff: ['M3 4h18v12H3z', 'M8 20h8', 'M12 16v4', 'M3 3l18 18'],
  sliders: ['M4 6h16', 'M4 12h16', 'M4 18h16', 'M9 4v4', 'M15 10v4', 'M7 16v4'],
  volume: ['M4 9h4l5-4v14l-5-4H4z', 'M16 9a4 4 0 0 1 0 6', 'M19 6a8 8 0 0 1 0 12'],
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative icon: hidden from assistive technology; the surrounding control carries the words. */
export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  for (const d of PATHS[name]) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}

/** An icon that means something on its own (a state, not a control): role img with a label. */
export function labelledIcon(name: IconName, label: string, className?: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', label);
  span.title = label;
  if (className) span.className = className;
  span.appendChild(icon(name));
  return span;
}
