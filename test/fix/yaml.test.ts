import { expect } from 'chai';
import { applyEdit, applyEdits, handText, type Edit } from '../../lib/fix/yaml';

const ICP = '京ICP备20180491号-1';

/** The new text, or a failure naming the refusal. */
function edit(text: string, ...edits: Edit[]): string {
  const outcome = applyEdits(text, edits);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason} at ${outcome.at.join('.')}`);
  return outcome.text;
}

function refusal(text: string, e: Edit): string {
  const outcome = applyEdit(text, e);
  return outcome.ok ? 'applied' : `${outcome.reason} at ${outcome.at.join('.')}`;
}

describe('fix: editing YAML in place (lib/fix/yaml.ts)', () => {
  describe('set', () => {
    it('replaces a value where it is, keeping its quotes, its comment and every other byte', () => {
      const text = 'title: 博客 # 标题\nbeian:\n  icp: "京ICP備20180491號-1"   # 工信部备案\n  gongan: \'x\'\n';
      expect(edit(text, { op: 'set', path: ['beian', 'icp'], value: ICP }))
        .to.equal(`title: 博客 # 标题\nbeian:\n  icp: "${ICP}"   # 工信部备案\n  gongan: 'x'\n`);
      expect(edit(text, { op: 'set', path: ['beian', 'gongan'], value: "it's" }))
        .to.equal('title: 博客 # 标题\nbeian:\n  icp: "京ICP備20180491號-1"   # 工信部备案\n  gongan: \'it\'\'s\'\n');
    });

    it('writes text plain only where YAML 1.1 and 1.2 both read it back as text', () => {
      const text = 'beian:\n  enable: x\n';
      expect(edit(text, { op: 'set', path: ['beian', 'enable'], value: 'yes' })).to.equal('beian:\n  enable: "yes"\n');
      expect(edit(text, { op: 'set', path: ['beian', 'enable'], value: false })).to.equal('beian:\n  enable: false\n');
      expect(edit(text, { op: 'set', path: ['beian', 'enable'], value: '2024-05-20' })).to.equal('beian:\n  enable: "2024-05-20"\n');
      expect(edit(text, { op: 'set', path: ['beian', 'enable'], value: { written: '2024-05-20' } })).to.equal('beian:\n  enable: 2024-05-20\n');
      expect(edit(text, { op: 'set', path: ['beian', 'enable'], value: 'a: b' })).to.equal('beian:\n  enable: "a: b"\n');
    });

    it('adds a key at the end of its block, at the block\'s indentation, before the comments that follow it', () => {
      const text = 'beian:\n    icp: a   # 4 spaces\n    # 公安备案以后再写\n\n# 部署\ndeploy:\n    type: git\n';
      expect(edit(text, { op: 'set', path: ['beian', 'online'], value: { written: '2024-06-01' } }))
        .to.equal('beian:\n    icp: a   # 4 spaces\n    online: 2024-06-01\n    # 公安备案以后再写\n\n# 部署\ndeploy:\n    type: git\n');
    });

    it('writes the blocks that are missing, in the file\'s indentation step', () => {
      expect(edit('title: x\ndeploy:\n    type: git\n', { op: 'set', path: ['beian', 'icp'], value: ICP }))
        .to.equal(`title: x\ndeploy:\n    type: git\nbeian:\n    icp: ${ICP}\n`);
      expect(edit('', { op: 'set', path: ['beian', 'icp'], value: ICP })).to.equal(`beian:\n  icp: ${ICP}\n`);
      // No final line break before, none after (an outside review: the file gained one).
      expect(edit('# 只有注释', { op: 'set', path: ['beian', 'icp'], value: ICP })).to.equal(`# 只有注释\nbeian:\n  icp: ${ICP}`);
      expect(edit('beian:\ntitle: x\n', { op: 'set', path: ['beian', 'icp'], value: ICP })).to.equal(`beian:\n  icp: ${ICP}\ntitle: x\n`);
      expect(edit('beian: ~ # 待填\n', { op: 'set', path: ['beian', 'icp'], value: ICP })).to.equal(`beian: # 待填\n  icp: ${ICP}\n`);
    });

    it('keeps CRLF line endings, a BOM and a missing final line break', () => {
      const text = '\ufeff# 配置\r\nbeian:\r\n  icp: a\r\ntitle: x';
      expect(edit(text, { op: 'set', path: ['beian', 'gongan'], value: '京公网安备11010502030413号' }))
        .to.equal('\ufeff# 配置\r\nbeian:\r\n  icp: a\r\n  gongan: 京公网安备11010502030413号\r\ntitle: x');
      expect(edit(text, { op: 'set', path: ['other', 'k'], value: 1 })).to.equal('\ufeff# 配置\r\nbeian:\r\n  icp: a\r\ntitle: x\r\nother:\r\n  k: 1');
      // A BOM before the first key is no indentation.
      expect(edit('\ufeffbeian:\r\n  icp: a\r\ntitle: x\r\n', { op: 'delete', path: ['beian'] })).to.equal('\ufefftitle: x\r\n');
      expect(edit('\ufeffa: 1\n', { op: 'set', path: ['b'], value: 2 })).to.equal('\ufeffa: 1\nb: 2\n');
    });

    it('turns a short form into its long form, the comment kept on the key\'s line', () => {
      const text = `beian:\n  icp: ${ICP}  # 工信部\n  gongan: b\n`;
      expect(edit(text, { op: 'set', path: ['beian', 'icp'], value: { entries: [['number', ICP], ['approved', { written: '2024-05-20' }]] } }))
        .to.equal(`beian:\n  icp:  # 工信部\n    number: ${ICP}\n    approved: 2024-05-20\n  gongan: b\n`);
    });

    it('edits flow blocks in their own style', () => {
      expect(edit('beian: {icp: a, gongan: b}\n', { op: 'set', path: ['beian', 'icp'], value: ICP })).to.equal(`beian: {icp: ${ICP}, gongan: b}\n`);
      expect(edit('beian: {icp: a}\n', { op: 'set', path: ['beian', 'online'], value: { written: '2024-06-01' } })).to.equal('beian: {icp: a, online: 2024-06-01}\n');
      expect(edit('beian: {}\n', { op: 'set', path: ['beian', 'icp'], value: 'a,b' })).to.equal('beian: { icp: "a,b" }\n');
      expect(edit('beian: {icp: a}\n', { op: 'set', path: ['beian', 'icp'], value: { entries: [['number', 'a']] } })).to.equal('beian: {icp: {number: a}}\n');
    });
  });

  describe('rename and delete', () => {
    it('renames a key where it stands, its value replaced when given, its quotes and comment kept', () => {
      const text = 'beian:\n  # 公安\n  "gongan_num": 11010502030413 # 号码\n  icp: a\n';
      expect(edit(text, { op: 'rename', path: ['beian', 'gongan_num'], to: 'gongan' })).to.equal('beian:\n  # 公安\n  "gongan": 11010502030413 # 号码\n  icp: a\n');
      expect(edit(text, { op: 'rename', path: ['beian', 'gongan_num'], to: 'gongan', value: '京公网安备11010502030413号' }))
        .to.equal('beian:\n  # 公安\n  "gongan": 京公网安备11010502030413号 # 号码\n  icp: a\n');
    });

    it('deletes a key with its lines (a nested block, its comment), nothing else', () => {
      const text = 'a: 1\nbeian:\n  icp: x # c\n  extra:\n    - text: y\n\n    # z\n  pages: all\nb: 2\n';
      expect(edit(text, { op: 'delete', path: ['beian', 'icp'] })).to.equal('a: 1\nbeian:\n  extra:\n    - text: y\n\n    # z\n  pages: all\nb: 2\n');
      // A comment after a block's last item is no part of the item: it stays.
      expect(edit(text, { op: 'delete', path: ['beian', 'extra'] })).to.equal('a: 1\nbeian:\n  icp: x # c\n\n    # z\n  pages: all\nb: 2\n');
      expect(edit('icp: x\n', { op: 'delete', path: ['icp'] })).to.equal('');
      expect(edit('beian: {a: 1, b: 2, c: 3}\n', { op: 'delete', path: ['beian', 'b'] })).to.equal('beian: {a: 1, c: 3}\n');
      expect(edit('beian: {a: 1, b: 2}\n', { op: 'delete', path: ['beian', 'b'] })).to.equal('beian: {a: 1}\n');
    });

    it('makes several edits all or none', () => {
      const text = 'beian:\n  x: 1\n  y: &a 2\n';
      const outcome = applyEdits(text, [{ op: 'delete', path: ['beian', 'x'] }, { op: 'set', path: ['beian', 'y'], value: 3 }]);
      expect(outcome).to.deep.equal({ ok: false, reason: 'anchor', at: ['beian', 'y'] });
    });
  });

  describe('refusals', () => {
    it('refuses anchors, aliases, tags, merge keys and keys written twice on the path', () => {
      expect(refusal('beian: &b\n  icp: a\nother: *b\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('anchor at beian');
      expect(refusal('base: &b {icp: a}\nbeian: *b\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('alias at beian');
      expect(refusal('beian:\n  icp: !!str 123\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('tag at beian.icp');
      expect(refusal('base: &b {icp: a}\nbeian:\n  <<: *b\n  gongan: b\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('merge at beian.icp');
      expect(refusal('beian:\n  icp: a\n  icp: b\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('duplicate at beian.icp');
    });

    it('refuses what it cannot edit safely, and text that is no YAML', () => {
      expect(refusal('beian:\n  icp: >-\n    a\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('shape at beian.icp');
      expect(refusal('beian:\n  icp: [a]\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('shape at beian.icp');
      expect(refusal('beian: text\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('shape at beian');
      expect(refusal('- a\n', { op: 'set', path: ['beian'], value: 'x' })).to.equal('shape at ');
      expect(refusal('beian:\n\ticp: a\n', { op: 'set', path: ['beian', 'icp'], value: 'x' })).to.equal('syntax at ');
      expect(refusal('a: 1\n---\nb: 2\n', { op: 'set', path: ['a'], value: 2 })).to.equal('syntax at ');
      expect(refusal('beian:\n  icp: a\n  gongan: b\n', { op: 'rename', path: ['beian', 'icp'], to: 'gongan' })).to.equal('exists at beian.gongan');
      expect(refusal('beian:\n  icp: a\n', { op: 'delete', path: ['beian', 'gongan'] })).to.equal('missing at beian.gongan');
      expect(refusal('list:\n  - icp: a\n    gongan: b\n', { op: 'delete', path: ['list'] })).to.equal('applied');
    });

    it('says what to write by hand', () => {
      expect(handText({ op: 'set', path: ['beian', 'icp'], value: { entries: [['number', ICP], ['approved', { written: '2024-05-20' }]] } }))
        .to.equal(`beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20`);
      expect(handText({ op: 'rename', path: ['beian', 'gongan_num'], to: 'gongan', value: 'x' })).to.equal('beian:\n  gongan: x');
    });
  });
});
