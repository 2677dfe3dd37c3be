/**
 * A note rendered from its light Markdown (lib/shared/highlighting/markdown.ts) as elements and text
 * nodes: whatever a note contains, nothing in it is ever parsed as HTML.
 */
import type { ComponentChildren } from 'preact';
import { type Inline, parseNote } from '../../lib/shared/highlighting/markdown';

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node, i): ComponentChildren => {
    if (node.type === 'text') return node.text;
    if (node.type === 'code') return <code key={i}>{node.text}</code>;
    if (node.type !== 'link') {
      const Tag = node.type;
      return <Tag key={i}>{inline(node.children)}</Tag>;
    }
    return (
      <a key={i} href={node.href} rel="noopener noreferrer" target="_blank">
        {inline(node.children)}
      </a>
    );
  });
}

/** Props of {@link NoteText}. */
export interface NoteTextProps {
  note: string;
}

/** The rendered note. */
export function NoteText({ note }: NoteTextProps) {
  return (
    <div class="g-note-text">
      {parseNote(note).map((block, i) => {
        if (block.type === 'p') return <p key={i}>{inline(block.children)}</p>;
        const List = block.type;
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
