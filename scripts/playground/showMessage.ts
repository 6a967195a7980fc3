// The playground's picture of a message: what a member sees in Discord, as terminal text. Escapes undone,
// bold shown, mentions as @names, links with their address, embeds boxed, buttons numbered.
import type { MemberView } from '../../tools/discord-stand-in/discordDriver.ts';
import type { StoredMessage } from '../../tools/discord-stand-in/messageStore.ts';

export interface Look {
  bold: (text: string) => string;
  dim: (text: string) => string;
  userName: (id: string) => string;
  roleName: (id: string) => string;
}

/** Discord markdown as a member reads it: escapes undone, bold shown, mentions as @names, links with their address. */
export function showMarkdown(markdown: string, look: Look): string {
  let out = '';
  let bold = false;
  let boldStart = 0;
  for (let index = 0; index < markdown.length;) {
    const rest = markdown.slice(index);
    const char = markdown[index]!;
    if (char === '\\' && /^[!-/:-@[-`{-~]$/.test(markdown[index + 1] ?? '')) {
      out += markdown[index + 1];
      index += 2;
    } else if (rest.startsWith('**')) {
      if (bold) out = out.slice(0, boldStart) + look.bold(out.slice(boldStart));
      else boldStart = out.length;
      bold = !bold;
      index += 2;
    } else if (char === '`') {
      index += 1;
    } else if (char === '[' && /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s)]+)\)/.test(rest)) {
      const [whole, label, url] = /^\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s)]+)\)/.exec(rest)!;
      out += `${showMarkdown(label!, look)} ${look.dim(`<${url}>`)}`;
      index += whole.length;
    } else if (/^<@[!&]?\d+>/.test(rest)) {
      const [whole, kind, id] = /^<@([!&]?)(\d+)>/.exec(rest)!;
      out += kind === '&' ? `@${look.roleName(id!)}` : `@${look.userName(id!)}`;
      index += whole.length;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function showBlock(markdown: string, look: Look): string[] {
  return showMarkdown(markdown, look)
    .split('\n')
    .map((line) => line.replace(/^> /, '▌ '));
}

interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

interface ShownButton {
  label: string;
  customId: string;
  disabled: boolean;
}

export function buttonsOf(message: StoredMessage | undefined): ShownButton[] {
  return (message?.components ?? []).flatMap((row) =>
    ((row.components as Record<string, unknown>[] | undefined) ?? []).map((component) => {
      const emoji = (component.emoji as { name?: string } | undefined)?.name;
      return {
        label: [emoji, component.label].filter(Boolean).join(' '),
        customId: String(component.custom_id ?? ''),
        disabled: component.disabled === true,
      };
    }),
  );
}

export function showMessage(view: Pick<MemberView, 'reply' | 'ephemeral' | 'pinged'>, look: Look): string {
  const message = view.reply;
  if (!message) return look.dim('(no message)');
  const lines: string[] = [];
  if (view.ephemeral) lines.push(look.dim('── only you can see this ──'));
  if (message.content) lines.push(...showBlock(message.content, look));
  for (const embed of message.embeds as Embed[]) {
    lines.push('┌');
    if (embed.title) lines.push(`│ ${look.bold(showMarkdown(embed.title, look))}${embed.url ? ` ${look.dim(`<${embed.url}>`)}` : ''}`);
    if (embed.description) lines.push(...showBlock(embed.description, look).map((line) => `│ ${line}`));
    for (const field of embed.fields ?? []) {
      lines.push(`│ ${look.bold(showMarkdown(field.name, look))}`, ...showBlock(field.value, look).map((line) => `│   ${line}`));
    }
    if (embed.footer?.text) lines.push(`│ ${look.dim(embed.footer.text)}`);
    lines.push('└');
  }
  const buttons = buttonsOf(message);
  if (buttons.length > 0) {
    lines.push(
      buttons.map((button, index) => `[${index + 1}] ${button.label}${button.disabled ? look.dim(' (disabled)') : ''}`).join('  '),
    );
  }
  const pinged = [...view.pinged.users.map((id) => `@${look.userName(id)}`), ...view.pinged.roles.map((id) => `@${look.roleName(id)}`)];
  if (view.pinged.everyone) pinged.push('@everyone');
  if (pinged.length > 0) lines.push(look.dim(`(notified: ${pinged.join(', ')})`));
  return lines.join('\n');
}
