// Copies the pinned @microsoft/teams-js build the dashboard tab loads into the bot (served by the bot itself, never
// from a CDN), with its licence and a NOTICE naming the version. Upgrading is one command, from tests/e2e:
//   npm run update-teams-js -- 2.59.0      (installs that exact version, then copies it)
//   npm run update-teams-js                (copies the version already pinned in package.json)
// specs/tab-sso.ui.test.mjs checks that the bot serves exactly this package's file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eDir, repoRoot } from './paths.mjs';

const wanted = process.argv[2];
if (wanted) execFileSync('npm', ['install', '--save-exact', `@microsoft/teams-js@${wanted}`], { cwd: e2eDir, stdio: 'inherit' });
const pkgDir = join(e2eDir, 'node_modules', '@microsoft', 'teams-js');
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
export const target = join(repoRoot, 'bot', 'Features', 'Dashboard', 'SignIn', 'TeamsJs');
copyFileSync(join(pkgDir, 'dist', 'umd', 'MicrosoftTeams.min.js'), join(target, 'MicrosoftTeams.min.js'));
copyFileSync(join(pkgDir, 'LICENSE'), join(target, 'LICENSE'));
const notice = join(target, 'NOTICE.md');
writeFileSync(notice, readFileSync(notice, 'utf8').replace(/^version: .*$/m, `version: ${version}`));
console.log(`teams-js ${version} copied to bot/Features/Dashboard/SignIn/TeamsJs`);
