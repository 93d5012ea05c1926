/** A strict little XML reader for tests: throws on anything that is not well-formed, returns the element tree. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;]*);/g, (match, name: string) => {
    if (entities[name] !== undefined) return entities[name] as string;
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    throw new Error(`unknown entity ${match} near ${at}`);
  });
}

export function parseXml(source: string): XmlElement {
  let position = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at ${position}: ${JSON.stringify(source.slice(position, position + 40))}`);
  };
  const skipSpace = (): void => {
    while (/\s/.test(source[position] ?? '')) position += 1;
  };
  if (source.startsWith('<?xml')) position = source.indexOf('?>') + 2;
  skipSpace();

  const element = (): XmlElement => {
    if (source[position] !== '<') fail('expected <');
    position += 1;
    const name = /^[A-Za-z_][\w.-]*/.exec(source.slice(position))?.[0] ?? fail('expected an element name');
    position += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', position)) {
        position += 2;
        return node;
      }
      if (source[position] === '>') {
        position += 1;
        break;
      }
      const attribute =
        /^([A-Za-z_][\w.:-]*)\s*=\s*"([^"<]*)"/.exec(source.slice(position)) ?? fail('expected an attribute');
      if (node.attributes[attribute[1] as string] !== undefined) fail(`duplicate attribute ${attribute[1]}`);
      node.attributes[attribute[1] as string] = decode(attribute[2] as string, position);
      position += attribute[0].length;
    }
    for (;;) {
      const next = source.indexOf('<', position);
      if (next === -1) fail(`unclosed <${name}>`);
      const raw = source.slice(position, next);
      if (raw.includes('>')) fail('a bare > in text');
      node.text += decode(raw, position);
      position = next;
      if (source.startsWith(`</${name}>`, position)) {
        position += name.length + 3;
        return node;
      }
      if (source.startsWith('</', position)) fail(`mismatched closing tag inside <${name}>`);
      node.children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (position !== source.length) fail('content after the root element');
  return root;
}
