import { expect } from 'chai';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FIX_MAX_BYTES, readFile, writeIfUnchanged } from '../../lib/fix/write';

describe('fix: reading and writing the file (lib/fix/write.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hexo-beian-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const bytesOf = (file: string) => {
    const read = readFile(file);
    if ('kind' in read || read.bytes === undefined) throw new Error('not read');
    return read.bytes;
  };

  it('replaces the file atomically, with its permissions, leaving no temporary file', () => {
    const file = join(dir, '_config.yml');
    writeFileSync(file, 'a: 1\n');
    chmodSync(file, 0o600);
    expect(writeIfUnchanged(file, bytesOf(file), 'a: 2\n')).to.equal(undefined);
    expect(readFileSync(file, 'utf8')).to.equal('a: 2\n');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(readdirSync(dir)).to.deep.equal(['_config.yml']);
  });

  it('never overwrites a file changed since it was read (an editor saved it meanwhile)', () => {
    const file = join(dir, '_config.yml');
    writeFileSync(file, 'a: 1\n');
    const read = bytesOf(file);
    writeFileSync(file, 'a: 1 # saved by the editor\n');
    expect(writeIfUnchanged(file, read, 'a: 2\n')).to.deep.equal({ kind: 'changed' });
    expect(readFileSync(file, 'utf8')).to.equal('a: 1 # saved by the editor\n');
    expect(readdirSync(dir)).to.deep.equal(['_config.yml']);
  });

  it('writes through a symbolic link to the file it names, the link kept', () => {
    const real = join(dir, 'real.yml');
    const link = join(dir, '_config.yml');
    writeFileSync(real, 'a: 1\n');
    symlinkSync(real, link);
    expect(writeIfUnchanged(link, bytesOf(link), 'a: 2\n')).to.equal(undefined);
    expect(lstatSync(link).isSymbolicLink()).to.equal(true);
    expect(readFileSync(real, 'utf8')).to.equal('a: 2\n');
  });

  it('creates a file that did not exist, unless one appeared meanwhile', () => {
    const file = join(dir, '_config.yml');
    expect(readFile(file)).to.deep.equal({ text: '' });
    expect(writeIfUnchanged(file, undefined, 'beian:\n')).to.equal(undefined);
    expect(readFileSync(file, 'utf8')).to.equal('beian:\n');
    expect(writeIfUnchanged(file, undefined, 'other\n')).to.deep.equal({ kind: 'changed' });
  });

  it('refuses to read what it could not write back byte for byte, or is no file, or is too large', () => {
    const latin1 = join(dir, 'latin1.yml');
    writeFileSync(latin1, Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(readFile(latin1)).to.deep.equal({ kind: 'not-utf8' });
    expect(readFile(dir)).to.deep.equal({ kind: 'not-a-file' });
    const big = join(dir, 'big.yml');
    writeFileSync(big, Buffer.alloc(FIX_MAX_BYTES + 1, 0x61));
    expect(readFile(big)).to.deep.equal({ kind: 'too-large' });
    const bom = join(dir, 'bom.yml');
    writeFileSync(bom, '\ufeffa: 1\r\n');
    expect(readFile(bom)).to.deep.include({ text: '\ufeffa: 1\r\n' });
  });
});
