import { expect } from 'chai';
import { readConfig } from '../../lib/config/read';
import { gonganDeadline } from '../../lib/audit/deadline';
import { addDays, daysBetween, today } from '../../lib/engine/date';

const ICP = '京ICP备20180491号-1';

function deadline(raw: unknown, on: string, language: 'en' | 'zh' = 'en') {
  return gonganDeadline(readConfig(raw, language).config, on, language);
}

describe('deadline', () => {
  // A newcomer's trial: `applied:` written directly under beian:, and the overdue message asked for it again.
  it('a day applied for written outside gongan (beian.applied, beian.icp.applied) is not asked for again: the message says where it is and what to write', () => {
    for (const [raw, where] of [[{ icp: ICP, applied: '2024-06-10', online: '2024-06-01' }, 'beian.applied'], [{ icp: { number: ICP, applied: '2024-06-10' }, online: '2024-06-01' }, 'beian.icp.applied']] as const) {
      const [found] = deadline(raw, '2024-07-20');
      expect([found.code, found.severity], where).to.deep.equal(['gongan-missing', 'error']);
      expect(found.message, where).to.equal(`The public-security (公安) filing is 19 days overdue: the deadline was 2024-07-01 (30 days from beian.online 2024-06-01). File now. The day you applied is written at ${where}, where it is not read: move it under gongan (under beian):\ngongan:\n  applied: 2024-06-10\nOnce filed, write gongan: ‹province›公网安备‹14 digits›号 instead.`);
      expect(found.message).not.to.contain('{applied:');
    }
    const { findings } = readConfig({ icp: ICP, applied: '2024-06-10' }, 'en');
    expect(findings.map(f => [f.code, f.severity, f.path, f.suggestion])).to.deep.equal([['config-unknown-key', 'warning', 'beian.applied', 'gongan:\n  applied: 2024-06-10']]);
  });

  it('counts calendar days', () => {
    expect(addDays('2024-05-20', 30)).to.equal('2024-06-19');
    expect(addDays('2024-02-15', 30)).to.equal('2024-03-16');
    expect(daysBetween('2024-06-19', '2024-07-01')).to.equal(12);
    expect(daysBetween('2024-07-01', '2024-06-19')).to.equal(-12);
  });

  it('nothing when a 公安 number is configured, or no ICP number', () => {
    expect(deadline({ icp: ICP, gongan: '京公网安备11010502030413号' }, '2030-01-01')).to.deep.equal([]);
    expect(deadline({}, '2030-01-01')).to.deep.equal([]);
  });

  it('info when no date is known', () => {
    const [finding, ...rest] = deadline({ icp: ICP }, '2024-06-01');
    expect(rest).to.deep.equal([]);
    expect(finding.code).to.equal('gongan-missing');
    expect(finding.severity).to.equal('info');
    expect(finding.path).to.equal('beian.gongan');
    expect(finding.deadline).to.equal(undefined);
  });

  it('a warning naming the deadline within 30 days of the ICP approval', () => {
    const [finding] = deadline({ icp: { number: ICP, approved: '2024-05-20' } }, '2024-06-01');
    expect(finding.severity).to.equal('warning');
    expect(finding.deadline).to.equal('2024-06-19');
    expect(finding.daysOverdue).to.equal(undefined);
    expect(finding.message).to.equal('No public-security (公安) number yet: file by 2024-06-19 (inclusive; 30 days from beian.icp.approved 2024-05-20); 18 days left. Once filed, add a line under beian: gongan: ‹province›公网安备‹14 digits›号; applied and waiting for the number, write gongan: {applied: ‹the day you applied›}.');
  });

  it('the deadline day itself is still in time', () => {
    expect(deadline({ icp: { number: ICP, approved: '2024-05-20' } }, '2024-06-19')[0].severity).to.equal('warning');
    expect(deadline({ icp: { number: ICP, approved: '2024-05-20' } }, '2024-06-20')[0].severity).to.equal('error');
  });

  it('an error with the days overdue once past it', () => {
    const [finding] = deadline({ icp: { number: ICP, approved: '2024-05-20' } }, '2024-07-01', 'zh');
    expect(finding.severity).to.equal('error');
    expect(finding.deadline).to.equal('2024-06-19');
    expect(finding.daysOverdue).to.equal(12);
    expect(finding.message).to.equal('公安联网备案已逾期 12 天：截止日为 2024-06-19（beian.icp.approved 2024-05-20 起 30 日）。请尽快办理。备案通过后，在 beian 下加一行 gongan: ‹省份简称›公网安备‹14 位数字›号；已经提交申请、还没有编号时，写 gongan: {applied: ‹申请日期›}。');
  });

  it('info, not a warning, while the start date is still ahead', () => {
    const [finding] = deadline({ icp: ICP, online: '2030-01-01' }, '2026-11-30');
    expect(finding.severity).to.equal('info');
    expect(finding.deadline).to.equal('2030-01-31');
    expect(finding.message).to.match(/^beian\.online is 2030-01-01, still ahead: the public-security \(公安\) filing will be due on 2030-01-31 \(inclusive\)\./);
  });

  it('without a date, the message shows the long form of icp to write', () => {
    const [finding] = deadline({ icp: ICP }, '2024-06-01');
    expect(finding.message).to.contain('\nicp:\n  number: 京ICP备20180491号-1\n  approved: ‹the day it was approved, for example 2024-05-20›\n');
  });

  it('the go-live date, when given, is the start of the 30 days', () => {
    const [finding] = deadline({ icp: { number: ICP, approved: '2024-01-01' }, online: '2024-06-01' }, '2024-06-10');
    expect(finding.severity).to.equal('warning');
    expect(finding.deadline).to.equal('2024-07-01');
    expect(finding.message).to.contain('beian.online 2024-06-01');
  });

  it('a pending filing applied for in time: info with the days pending', () => {
    const [finding, ...rest] = deadline({ icp: { number: ICP, approved: '2024-05-20' }, gongan: { applied: '2024-06-10' } }, '2024-07-01');
    expect(rest).to.deep.equal([]);
    expect([finding.code, finding.severity, finding.path, finding.deadline]).to.deep.equal(['gongan-pending', 'info', 'beian.gongan.applied', '2024-06-19']);
    expect(finding.daysOverdue).to.equal(undefined);
    expect(finding.message).to.equal('The public-security (公安) filing was applied for on 2024-06-10, within the 30 days (deadline 2024-06-19) and has been pending for 21 days. Once approved, put the number in beian.gongan.number and remove applied.');
  });

  it('a pending filing applied for late, or with no start date, or without an ICP number', () => {
    const late = deadline({ icp: { number: ICP, approved: '2024-05-20' }, gongan: { applied: '2024-06-25' } }, '2024-07-01', 'zh')[0];
    expect(late.message).to.equal('公安联网备案已于 2024-06-25 提交，比截止日 2024-06-19 晚 6 天，至今审核中 6 天。通过后在 beian.gongan.number 填写编号，并删去 applied。');
    const undated = deadline({ gongan: { applied: '2024-06-25' } }, '2024-06-25')[0];
    expect([undated.code, undated.severity, undated.deadline]).to.deep.equal(['gongan-pending', 'info', undefined]);
    expect(undated.message).to.equal('The public-security (公安) filing was applied for on 2024-06-25 and has been pending for 0 days. Once approved, put the number in beian.gongan.number and remove applied.');
  });

  it('a pending filing dated after today: a warning (a typo)', () => {
    const [finding] = deadline({ icp: ICP, gongan: { applied: '2024-07-02' } }, '2024-07-01');
    expect([finding.code, finding.severity]).to.deep.equal(['gongan-pending', 'warning']);
    expect(finding.message).to.equal('beian.gongan.applied is 2024-07-02, after today (2024-07-01): write the day you applied for the public-security (公安) filing.');
  });

  it('today() is the calendar day in the site timezone', () => {
    const instant = new Date('2024-05-20T20:00:00Z');
    expect(today('Asia/Shanghai', instant)).to.equal('2024-05-21');
    expect(today('America/New_York', instant)).to.equal('2024-05-20');
    expect(today('Not/AZone', instant)).to.match(/^2024-05-2[01]$/);
  });
});
