import type { Page } from 'playwright-core';

/**
 * What a visitor's browser shows of the filing line, measured in the page after scrolling
 * to the bottom: boxes in CSS pixels relative to the viewport, text as rendered (innerText).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LinkSeen {
  /** `icp` or `gongan`, from the item's class. */
  kind: string;
  /** innerText: the text as rendered. */
  text: string;
  /** The `href` attribute as written, and as the browser resolved it. */
  href: string | null;
  resolved: string;
  target: string | null;
  rel: string | null;
  /** Not hidden by display, visibility or opacity (its own or an ancestor's). */
  shown: boolean;
  box: Box;
  /** The box of the number's text alone (not the icon). */
  textBox: Box;
  /** How many lines the number's text takes (1 when it does not break). */
  textLines: number;
  /** The element at the centre of the number's text is the link or inside it: nothing covers it. */
  onTop: boolean;
  icon?: {
    complete: boolean;
    naturalWidth: number;
    /** The URL the image was loaded from. */
    src: string;
    box: Box;
    onTop: boolean;
  };
}

export interface LineSeen {
  /** How many elements carry `data-hexo-beian` (the filing line exactly once). */
  count: number;
  /** innerText of the line. */
  text: string;
  box: Box;
  links: LinkSeen[];
  /** The tag of the element the line sits in (`footer` when in the site footer). */
  parent: string;
  /**
   * The `<footer>` the line is inside, as laid out: its box, and whether it is the page's
   * last `<footer>` outside `<article>`, `<aside>`, `<nav>` and `<section>` (the site footer).
   */
  footer?: { box: Box; site: boolean };
  /** How far below the line the document goes on (scrolled to the bottom): what stands between it and the page's end. */
  belowLine: number;
  viewport: { width: number; height: number };
  /** The document's layout width (without a scrollbar) and how wide its content is. */
  clientWidth: number;
  scrollWidth: number;
  /** Elements sticking out past the right edge, for the message when the page overflows. */
  overflowing: string[];
}

/** Measures the filing line of the page as it is now (call after scrolling to the bottom). */
export function lookAtFilingLine(page: Page): Promise<LineSeen | undefined> {
  return page.evaluate(() => {
    const boxOf = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
    const hits = (element: Element, box: { left: number; top: number; right: number; bottom: number }) => {
      const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      return hit !== null && (hit === element || element.contains(hit));
    };
    const shown = (element: Element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });

    const lines = document.querySelectorAll<HTMLElement>('[data-hexo-beian]');
    const line = lines[0];
    if (!line) return undefined;
    const links = [...line.querySelectorAll<HTMLAnchorElement>('a.hexo-beian-item')].map(link => {
      const range = document.createRange();
      const rects: DOMRect[] = [];
      for (const node of link.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter(r => r.width > 0));
      }
      const textBox = rects.length === 0
        ? { left: 0, top: 0, right: 0, bottom: 0 }
        : {
            left: Math.min(...rects.map(r => r.left)),
            top: Math.min(...rects.map(r => r.top)),
            right: Math.max(...rects.map(r => r.right)),
            bottom: Math.max(...rects.map(r => r.bottom))
          };
      const img = link.querySelector<HTMLImageElement>('img.hexo-beian-icon');
      const iconBox = img ? boxOf(img.getBoundingClientRect()) : undefined;
      return {
        kind: [...link.classList].find(c => c.startsWith('hexo-beian-') && c !== 'hexo-beian-item')?.slice('hexo-beian-'.length) ?? '',
        text: link.innerText,
        href: link.getAttribute('href'),
        resolved: link.href,
        target: link.getAttribute('target'),
        rel: link.getAttribute('rel'),
        shown: shown(link),
        box: boxOf(link.getBoundingClientRect()),
        textBox,
        textLines: new Set(rects.map(r => Math.round(r.top))).size,
        onTop: hits(link, textBox),
        icon: img && iconBox
          ? { complete: img.complete, naturalWidth: img.naturalWidth, src: img.currentSrc, box: iconBox, onTop: hits(img, iconBox) }
          : undefined
      };
    });

    const root = document.documentElement;
    const footer = line.closest('footer');
    const outside = [...document.querySelectorAll('footer')].filter(f => !f.parentElement?.closest('article, aside, nav, section'));
    const overflowing = [...document.body.querySelectorAll('*')]
      .filter(element => element.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 10)
      .map(element => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`);
    return {
      count: lines.length,
      text: line.innerText,
      box: boxOf(line.getBoundingClientRect()),
      links,
      parent: line.parentElement?.tagName.toLowerCase() ?? '',
      footer: footer ? { box: boxOf(footer.getBoundingClientRect()), site: outside[outside.length - 1] === footer } : undefined,
      belowLine: root.scrollHeight - (line.getBoundingClientRect().bottom + window.scrollY),
      viewport: { width: window.innerWidth, height: window.innerHeight },
      clientWidth: root.clientWidth,
      scrollWidth: root.scrollWidth,
      overflowing
    };
  });
}
