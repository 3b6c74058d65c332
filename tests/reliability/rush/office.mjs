// The office's side of the rush: its staff member from the sample week, the team channel where the digest goes
// (bound from Teams with "@bot 设为通知频道", as an office does it), and the question asked every second.
import { message } from '../node/bot.mjs';

/** 吴苏玲 of 教务处, office staff in the sample week (bot/Weeks/Samples/2024-wuxi.json). */
export const staff = { name: '吴苏玲', aadObjectId: '0ff1ce00-0000-4000-8000-000000000001', teamsId: '29:0ff1ce00-0000-4000-8000-000000000001' };
export const channelId = '19:rush-jwc-vocweek@thread.tacv2';
export const question = '今天谁还没报送';

/** "@bot 设为通知频道" in the office's team channel: a channel message with the bot @mentioned, as Teams sends it. */
export function bindChannel(serviceUrl) {
  const a = message(staff, serviceUrl, '<at>职教活动周助手</at> 设为通知频道');
  const root = `${Date.now()}`;
  return {
    ...a,
    conversation: { id: `${channelId};messageid=${root}`, isGroup: true, conversationType: 'channel', tenantId: a.conversation.tenantId },
    channelData: { ...a.channelData, teamsChannelId: channelId, teamsTeamId: '19:rush-jwc-team@thread.tacv2', channel: { id: channelId }, team: { id: '19:rush-jwc-team@thread.tacv2' } },
    entities: [{ type: 'mention', text: '<at>职教活动周助手</at>', mentioned: { id: a.recipient.id, name: a.recipient.name } }],
  };
}

/** The staff member's question in her personal chat (each with its own activity id: the bot de-duplicates ids). */
export const ask = serviceUrl => message(staff, serviceUrl, question);

/** The bot's reply to `activity` as the connector received it (it posts to …/activities/{replyToId}), or undefined. */
export const replyTo = (requests, activity) => requests.find(r => r.method === 'POST' && r.url.includes(encodeURIComponent(activity.id)));
