/**
 * The synthetic site every benchmark measures: N posts in Chinese and English with tags and
 * a filing config, built by the tests' own {@link makeSite} (real Hexo, landscape theme, the
 * plugin linked as a user's site links it), with or without the plugin in its dependencies.
 */
import { makeSite } from '../test/site';

export const ICP = '京ICP备20180491号-1';
export const BEIAN = { icp: ICP, gongan: { number: 11010502030413, icon: '/images/gongan.png' } };
const CONFIG = `beian:\n  icp: ${ICP}\n  gongan:\n    number: 11010502030413\n    icon: /images/gongan.png\n`;
const TAGS = 50;

/**
 * One post: about 2 kB of Markdown with what real posts hold (an excerpt, a heading, links,
 * a list, a quote, an image, a table, a highlighted code block), two of 50 tags, and a date
 * 6 hours after the previous post's.
 */
export function post(i: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 6 * 3_600_000).toISOString().slice(0, 10);
  return `---
title: 第 ${i} 篇文章 Post ${i}
date: ${day} 10:00:00
tags: [tag${i % TAGS}, tag${(i * 7) % TAGS}]
---
这是第 ${i} 篇文章的摘要。This is the excerpt of post ${i}.

<!-- more -->

## 正文

${'一段正文，带一个[链接](https://example.com/)。Some body text with **bold** words and `code`. '.repeat(6)}

- 第一项 first item
- 第二项 second item, with [a link](/about/)

> 引用一段话。A quoted line.

![图片 ${i}](/images/p${i}.png)

| 列 | column |
| --- | --- |
| 1 | 一 |
| 2 | 二 |

\`\`\`js
// 代码 ${i}
function add(a, b) {
  return a + b; // "</footer>" in a string
}
\`\`\`
`;
}

/**
 * Writes a site of `posts` posts into a new temporary folder and returns its path. The same
 * sources with and without the plugin: `withoutPlugin` leaves `hexo-beian` out of the site's
 * dependencies (the floor: Hexo never loads it), the `beian` block stays.
 */
export function benchSite(posts: number, options: { withoutPlugin?: boolean } = {}): string {
  const files: Record<string, string> = { 'source/images/gongan.png': 'png' };
  for (let i = 1; i <= posts; i++) files[`source/_posts/post-${i}.md`] = post(i);
  return makeSite({ config: CONFIG, files, withoutPlugin: options.withoutPlugin });
}
