// The traffic of one rush, each request sent at its own instant on the rehearsal clock (the bot's clock starts at
// Clock:StartAt = 11:56:00 when the process is spawned, so "rehearsal second s" is real time spawn + s):
//   warm-up  11:56:05–11:58:05  every liaison opens today's report card ("日报"), as they do before filling it in
//                               (about 8 a second, then a quiet minute: the morning's traffic, not part of the rush);
//   rush     11:59:00–11:59:59  every submitting liaison sends one photo (file.download.info) and submits the card;
//   office   11:59:00–11:59:59  the staff member asks "今天谁还没报送" once a second.
import { randomUUID } from 'node:crypto';
import { post, message, fileMessage, reportSubmit, isReceipt, answerText } from '../node/bot.mjs';
import { ask, replyTo } from './office.mjs';
import { sleepUntil } from './measure.mjs';

export const day = '2024-05-14';
/** The rehearsal clock's start, and the warm-up window and the rush minute in seconds after it. */
export const clock = { startAt: `${day}T11:56:00+08:00`, startMinute: 11 * 60 + 56, warm: [5, 125], minute: 180 };
// Teams gives up on an answer after about 15 s (the bot answers by 14.5 s whatever happens): 20 s is "never answered".
const timeout = 20_000;

/** Runs `send` at real instant `at` (performance.now() ms); records how late the timer fired. */
async function at(when, lateness, send) {
  await sleepUntil(when);
  lateness.push(performance.now() - when);
  return send();
}

async function timed(send) {
  const start = performance.now();
  const res = await send();
  return { res, ms: performance.now() - start };
}

/** Every liaison opens the report card; resolves to the answers' statuses. */
export function warmUp({ bot, serviceUrl, token, liaisons, second }) {
  const lateness = [];
  const done = liaisons.map((l, i) => at(second(clock.warm[0] + ((clock.warm[1] - clock.warm[0]) * i) / liaisons.length), lateness,
    () => post(bot.url, message(l, serviceUrl, '日报'), timeout, { token })));
  return Promise.all(done).then(answers => ({ statuses: answers.map(a => a.status), lateness }));
}

/**
 * The minute itself. `submitters`: [{ liaison, photo, photoUrl }]. Resolves to every submit, photo message and staff
 * question with its answer time and verdict; `sent` lists what the store must hold afterwards.
 */
export async function rush({ bot, serviceUrl, token, submitters, second, connector, weekId }) {
  const lateness = [];
  const submits = submitters.map((s, i) => ({ s, offset: clock.minute + (59.9 * i) / submitters.length })).map(({ s, offset }) => at(second(offset), lateness, async () => {
    const cardId = randomUUID().replaceAll('-', '');
    const marker = `RUSH-${s.liaison.department}-${cardId.slice(0, 8)}`;
    const photo = timed(() => post(bot.url, fileMessage(s.liaison, serviceUrl, [{ name: s.photo.name, url: s.photoUrl }]), timeout, { token }));
    const submit = await timed(() => post(bot.url, reportSubmit(s.liaison, serviceUrl, day, cardId, marker), timeout, { token }));
    const text = JSON.stringify(submit.res.body?.value ?? '');
    // What the liaison is told: checked against the submission's stored time on the bot's clock afterwards.
    const receipt = isReceipt(submit.res, marker) ? (/(已提交|迟交|补交) ✓/.exec(text)?.[1] ?? null) : null;
    const photoAnswer = await photo;
    return {
      offset, department: s.liaison.department, departmentName: s.departmentName, photo: s.photo, conversation: `a:${s.liaison.aadObjectId}`,
      key: `${weekId}|${s.liaison.department}|report:${day}|${cardId}`, slot: `${weekId}|${s.liaison.department}|report:${day}`,
      submitMs: submit.ms, submitStatus: submit.res.status, receipt, answer: receipt ? '' : answerText(submit.res),
      photoMs: photoAnswer.ms, photoStatus: photoAnswer.res.status,
    };
  }));
  const questions = Array.from({ length: 60 }, (_, k) => at(second(clock.minute + k), lateness, async () => {
    const activity = ask(serviceUrl);
    const { res, ms } = await timed(() => post(bot.url, activity, timeout, { token }));
    // A message's HTTP answer comes once the turn has sent its reply: the card is at the connector by now.
    const reply = replyTo(connector.requests, activity);
    const ok = res.status === 200 && !!reply && reply.body.includes('application/vnd.microsoft.card.adaptive') && !reply.body.includes('出错');
    return { ms, status: res.status, ok, answer: ok ? '' : (reply?.body ?? answerText(res)).slice(0, 300) };
  }));
  return { submits: await Promise.all(submits), questions: await Promise.all(questions), lateness };
}
