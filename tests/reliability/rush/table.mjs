// The rush table (artifacts/bench/rush.md): one row per storage, the targets as PASS/MISS (the machine is shared, so
// latency is reported, not asserted), and every correctness problem found.
const ms = v => (Number.isFinite(v) ? Math.round(v).toString() : '–');
const mark = (v, limit) => (v <= limit ? `PASS (≤ ${limit} ms)` : `MISS (> ${limit} ms)`);

/** The correctness checks of one row; any failure makes the script exit non-zero. */
export const failures = r => [
  r.lost !== 0 && `${r.lost} lost`, r.unstored !== 0 && `${r.unstored} not stored`, r.duplicated !== 0 && `${r.duplicated} stored more than once`, r.errors !== 0 && `${r.errors} errors`,
  r.receiptsOk !== r.submissions && `${r.submissions - r.receiptsOk} receipts wrong`, r.late !== 0 && `${r.late} stored after 12:00`, r.photosOk !== r.submissions && `${r.submissions - r.photosOk} photos not verified`,
  !r.digest.ok && 'digest wrong',
].filter(Boolean);

export function table(rows, meta) {
  const lines = [
    '| storage | submissions | lost | errors | receipts right | submit p50 / p99 / max (ms) | staff p50 / p99 / max (ms) | photos verified | digest ok | bot CPU s (11:59 minute / whole run) | bot RSS end / peak (MiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: |',
    ...rows.map(r => `| ${r.label} | ${r.submissions} | ${r.lost} | ${r.errors} | ${r.receiptsOk} | ${ms(r.submit.p50)} / ${ms(r.submit.p99)} / ${ms(r.submit.max)} | ${ms(r.staff.p50)} / ${ms(r.staff.p99)} / ${ms(r.staff.max)} | ${r.photosOk} | ${r.digest.ok ? `yes (${r.digest.posts} message${r.digest.posts === 1 ? '' : 's'})` : 'NO'} | ${r.cpuRush.toFixed(1)} / ${r.cpuTotal.toFixed(1)} | ${Math.round(r.memory.rss)} / ${Math.round(r.memory.peak)} |`),
  ];
  const targets = rows.map(r => `- ${r.label}: submit p99 ${ms(r.submit.p99)} ms ${mark(r.submit.p99, 100)}; staff p99 ${ms(r.staff.p99)} ms ${mark(r.staff.p99, 50)}.`);
  const details = rows.map(r => `- ${r.label}: ${r.stored} versions stored between ${r.storedFrom} and ${r.storedTo} on the bot's clock, ${r.duplicated} slots with more than one, ${r.unstored} sent but not stored (never acknowledged), ${r.storedUnacked} stored without a receipt reaching the liaison; photo messages answered p50 / p99 ${ms(r.photoMessage.p50)} / ${ms(r.photoMessage.p99)} ms, ${r.photosAcked} acknowledged in their chats; digest ${JSON.stringify(r.digest.counts)} in ${r.digest.parts} part(s); warm-up errors ${r.warmErrors}; machine load average (1 min) at 12:00 ${r.load.toFixed(1)}; in the minute the load generator sent late by p99 ${ms(r.lateness.p99)} ms, max ${ms(r.lateness.max)} ms.`);
  const problems = rows.flatMap(r => r.problems.map(p => `- ${r.label}: ${p}`));
  return [
    `Measured by \`bash tests/reliability/rush/run.sh\` on ${meta.when}, ${meta.cores} cores, ${meta.departments} departments.`, '',
    ...lines, '', 'Targets (reported, not asserted: the machine is shared):', '', ...targets, '', 'Details:', '', ...details, '',
    problems.length ? `Problems:\n\n${problems.join('\n')}` : 'Problems: none.', '',
  ].join('\n');
}
