/**
 * A Chinese news article as a web page (several paragraphs, site chrome around them), for the
 * "Fetch full text" tests: the paragraphs are what the extractor must find, exactly.
 */
export const ZH_TITLE = '长江流域迎来强降雨 多地启动防汛应急响应';

export const ZH_PARAGRAPHS = [
  '据中央气象台消息，受强降雨影响，长江中下游多个省份出现明显降水过程，部分地区累计降雨量超过二百毫米。',
  '水利部当天启动洪水防御四级应急响应，派出工作组赶赴湖北、安徽、江西等地，指导各地做好防汛抢险工作。',
  '湖北省防汛抗旱指挥部表示，全省已转移安置受威胁群众一万余人，各类水库、堤防均在安全范围内运行。',
  '气象专家提醒，未来三天长江流域仍将有持续性降雨，公众应关注预警信息，尽量避免前往山区和河道附近。',
  '交通运输部门已对沿江部分路段实施临时交通管制，铁路部门也调整了部分列车的运行计划，请旅客提前规划行程。',
];

/** The page, declaring `charset` in a `<meta>` tag when given (the header may say nothing). */
export function zhArticlePage(charset: string | null): string {
  const meta = charset === null ? '' : `<meta charset="${charset}">`;
  return `<!doctype html><html lang="zh-CN"><head>${meta}<title>${ZH_TITLE} - 新闻中心</title></head>
<body><header><nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="/sports">体育</a></nav></header>
<main><article><h1>${ZH_TITLE}</h1>
${ZH_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
<p><img src="/img/flood.jpg" alt="江水"></p>
</article></main>
<footer><p>版权所有 新闻中心</p></footer></body></html>`;
}
