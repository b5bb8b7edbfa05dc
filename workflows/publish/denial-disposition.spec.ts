import { dispositionFor, voidsApprovals } from './denial-disposition';

const r = (code: string) => ({ code, message: code });

describe('what the workflow does with a denial', () => {
  it('pauses on conditions that clear by themselves or by a switch', () => {
    expect(dispositionFor([r('kill_switch')])).toBe('pause');
    expect(dispositionFor([r('quiet_hours'), r('cooldown')])).toBe('pause');
    expect(dispositionFor([r('engine_error')])).toBe('pause');
  });
  it('waits for a human when an approval resolves it, even alongside a pause reason', () => {
    expect(dispositionFor([r('approval_required')])).toBe('needs_approval');
    expect(dispositionFor([r('kill_switch'), r('four_eyes')])).toBe('needs_approval');
  });
  it('ends the episode on anything it cannot wait out, and on an empty denial', () => {
    expect(dispositionFor([r('cap_reached')])).toBe('terminal');
    expect(dispositionFor([r('kill_switch'), r('platform_disallowed')])).toBe('terminal');
    expect(dispositionFor([])).toBe('terminal');
  });
  it('voids earlier approvals when the slot was missed or the content changed', () => {
    expect(voidsApprovals([r('late')])).toBe(true);
    expect(voidsApprovals([r('content_changed')])).toBe(true);
    expect(voidsApprovals([r('four_eyes')])).toBe(false);
  });
});
