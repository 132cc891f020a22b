import { h, type ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { renderCheckingElements } from '../../../src/render/element-checks.ts';

const Okvir = (props: { class?: string; className?: string; children?: ComponentChildren }) => h('section', { class: [props.class, props.className].filter(Boolean).join(' ') }, props.children);

describe('renderCheckingElements: an element given both class and className, of which Preact writes class alone', () => {
  it.each<[string, Record<string, unknown>]>([
    ['both given', { class: 'a', className: 'b' }],
    // class present but undefined still makes Preact skip className: nothing at all is written.
    ['class undefined', { class: undefined, className: 'b' }],
    ['class empty', { class: '', className: 'b' }],
  ])('refuses %s', (_, props) => {
    expect(() => renderCheckingElements(() => renderToString(h('p', null, h('span', props))))).toThrow(/^this <span> is given both class and className/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['class alone', { class: 'a' }, '<span class="a"></span>'],
    ['className alone', { className: 'b' }, '<span class="b"></span>'],
    ['className undefined', { class: 'a', className: undefined }, '<span class="a"></span>'],
    ['className false', { class: 'a', className: false }, '<span class="a"></span>'],
  ])('renders %s as Preact does', (_, props, html) => {
    expect(renderCheckingElements(() => renderToString(h('span', props)))).toBe(html);
  });

  it('leaves a component its props, both of them included, to use as it will', () => {
    expect(renderCheckingElements(() => renderToString(h(Okvir, { class: 'a', className: 'b' })))).toBe('<section class="a b"></section>');
  });
});
