#!/usr/bin/env python3
"""Crash states beyond a kill: records the file operations of four lostphone commands with
strace and replays every state a crash could leave on disk, as the ALICE study models a POSIX
file system (Pillai et al., OSDI 2014): what was fsynced stays; any subset of what was written,
truncated, created, linked, renamed or unlinked since the last fsync of that file (or of the
directory holding the name) may be lost, in any order.

    scripts/crash-states.py [path/to/lostphone]     (default .build/debug/lostphone)

The four operations: creating an incident (a first `note` with a profile, so the prepared
events go in with it), recording (`record` into it), preparing (`prepare --bank`) and
exporting (`export`). For every distinct crash state it checks:

- the journal opens: `status` reads it (or says none was started, before the creation);
- an acknowledged action is not lost: in every state after the command printed its answer,
  the note, the move, the bank or the whole report is there;
- nothing refused is changed: when `note` refuses the journal of a state, the file is as it
  was; a profile `prepare --list` reads, or refuses unchanged; a report is whole or absent.

Prints the number of operations recorded, crash states checked and violations; exits 1 on any.
"""
import hashlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile

LP = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lostphone")
MAX_UNSYNCED = 12  # 4,096 subsets; more unsynced operations than this would be sampled (none here)

PROFILE = """version: 1
choices:
  carrier: [china-unicom]
  bank: [cmb, ccb]
  brand: [apple]
phone:
  model: "iPhone 15"
  imei: "490154203237518"
tips:
  tip-1: 2026-10-01T09:00:00+08:00
"""


def env_for(home):
    return {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
            "XDG_STATE_HOME": home + "/state", "XDG_CONFIG_HOME": home + "/config"}


def run(args, home, cwd=None):
    p = subprocess.run([LP] + args, env=env_for(home), cwd=cwd or home, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def snapshot(root):
    """Every file and folder under root: {relative path: bytes or None for a folder}."""
    files = {}
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        if rel != ".":
            files[rel] = None
        for f in filenames:
            path = os.path.join(dirpath, f)
            if os.path.islink(path):
                continue
            with open(path, "rb") as fh:
                files[os.path.normpath(os.path.join(rel, f))] = fh.read()
    return files


STRING = r'"((?:[^"\\]|\\.)*)"'


def unescape(s):
    return bytes(int(h, 16) for h in re.findall(r"\\x([0-9a-f]{2})", s)) if s else b""


def record(args, home, start, marker):
    """Runs the command under strace; returns its operations, each naming the file it acts on
    by an identity that follows links and renames (("pre", path) for a file there before, ("new",
    n) for one it created, ("dir", path) for a folder), and the index of the operation before
    which the command printed `marker`, its answer (None if it never did)."""
    trace = os.path.join(home, "..", os.path.basename(home) + ".trace")
    calls = ("openat,open,creat,read,write,pwrite64,lseek,fsync,fdatasync,rename,renameat,renameat2,"
             "link,linkat,unlink,unlinkat,ftruncate,close,mkdir,mkdirat,dup,dup2,dup3,fcntl")
    subprocess.run(["strace", "-f", "-qq", "-xx", "-s", "4000000", "-e", "trace=" + calls, "-o", trace, LP] + args,
                   env=env_for(home), cwd=home, capture_output=True, check=False)
    ops, answer = [], None
    names = {os.path.join(home, rel): ("pre", os.path.join(home, rel)) for rel, c in start.items() if c is not None}
    created = 0
    fds = {}  # fd -> [identity, offset]
    with open(trace, "r", errors="replace") as fh:
        lines = fh.read().splitlines()
    os.unlink(trace)
    for line in lines:
        m = re.match(r"(\d+)\s+(\w+)\((.*)\)\s+=\s+(-?\d+)", line)
        if not m:
            continue
        name, a, ret = m.group(2), m.group(3), int(m.group(4))
        if ret < 0:
            continue
        strings = [os.path.normpath(p if p.startswith("/") else os.path.join(home, p))
                   for p in (unescape(s).decode("utf-8", "replace") for s in re.findall(STRING, a))]

        def fd_of(text):
            return int(text.split(",")[0].strip())
        if name in ("openat", "open", "creat"):
            path = strings[0]
            if not path.startswith(home):
                continue
            if "O_DIRECTORY" in a or os.path.isdir(path):
                fds[ret] = [("dir", path), 0]
                continue
            if path not in names and ("O_CREAT" in a or name == "creat"):
                created += 1
                names[path] = ("new", created)
                ops.append(("creat", path, names[path]))
            if path not in names:
                continue
            fds[ret] = [names[path], 0]
            if "O_TRUNC" in a:
                ops.append(("trunc", names[path], 0))
        elif name in ("mkdir", "mkdirat"):
            if strings[0].startswith(home):
                ops.append(("mkdir", strings[0]))
        elif name == "close":
            fds.pop(fd_of(a), None)
        elif name in ("dup", "dup2", "dup3", "fcntl"):
            old = fd_of(a)
            if old in fds and (name != "fcntl" or "F_DUPFD" in a):
                fds[ret if name in ("dup", "fcntl") else int(a.split(",")[1])] = list(fds[old])
        elif name == "read":
            f = fds.get(fd_of(a))
            if f:
                f[1] += ret
        elif name == "lseek":
            f = fds.get(fd_of(a))
            if f:
                f[1] = ret
        elif name in ("write", "pwrite64"):
            fd = fd_of(a)
            data = unescape(re.search(STRING, a).group(1))[:ret]
            if fd in (1, 2) and answer is None and marker.encode() in data:
                answer = len(ops)
            f = fds.get(fd)
            if not f:
                continue
            offset = int(a.rsplit(",", 1)[1]) if name == "pwrite64" else f[1]
            ops.append(("write", f[0], offset, data))
            if name == "write":
                f[1] += ret
        elif name == "ftruncate":
            f = fds.get(fd_of(a))
            if f:
                ops.append(("trunc", f[0], int(a.split(",")[1])))
        elif name in ("fsync", "fdatasync"):
            f = fds.get(fd_of(a))
            if f:
                ops.append(("fsync", f[0]))
        elif name in ("link", "linkat", "rename", "renameat", "renameat2"):
            if strings[0].startswith(home) and strings[0] in names:
                ops.append(("link" if name.startswith("link") else "rename", strings[0], strings[1]))
                names[strings[1]] = names[strings[0]]
                if name.startswith("rename"):
                    del names[strings[0]]
        elif name in ("unlink", "unlinkat"):
            if strings[0].startswith(home):
                ops.append(("unlink", strings[0]))
                names.pop(strings[0], None)
    return ops, answer


class FS:
    """Names pointing at file identities, so a link and a rename keep the file's data together."""

    def __init__(self, files, home):
        self.names, self.data, self.dirs = {}, {}, set()
        for rel, content in files.items():
            path = os.path.join(home, rel)
            if content is None:
                self.dirs.add(path)
            else:
                self.names[path] = ("pre", path)
                self.data[("pre", path)] = bytearray(content)

    def apply(self, op):
        kind = op[0]
        if kind == "mkdir":
            self.dirs.add(op[1])
        elif kind == "creat":
            if op[1] not in self.names:
                self.names[op[1]] = op[2]
                self.data.setdefault(op[2], bytearray())
        elif kind in ("write", "trunc"):
            buf = self.data.get(op[1])
            if buf is None:
                return  # its creation was lost: so is the write
            if kind == "write":
                _, _, offset, data = op
                if len(buf) < offset:
                    buf.extend(b"\0" * (offset - len(buf)))
                buf[offset:offset + len(data)] = data
            else:
                del buf[op[2]:]
        elif kind in ("link", "rename"):
            ident = self.names.get(op[1])
            if ident is None or (kind == "link" and op[2] in self.names):
                return
            self.names[op[2]] = ident
            if kind == "rename":
                del self.names[op[1]]
        elif kind == "unlink":
            self.names.pop(op[1], None)

    def materialize(self, root, home):
        for d in sorted(self.dirs):
            os.makedirs(root + d[len(home):], exist_ok=True)
        for path, ident in self.names.items():
            target = root + path[len(home):]
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as fh:
                fh.write(bytes(self.data[ident]))
            os.chmod(target, 0o600)
        for d in sorted(self.dirs):
            os.chmod(root + d[len(home):], 0o700)


def crash_states(ops, start_files, home):
    """Every state a crash after each prefix of `ops` may leave: yields (prefix length, FS)."""
    for k in range(len(ops) + 1):
        prefix = ops[:k]
        synced = [o[1] for o in prefix if o[0] == "fsync"]
        durable = set()
        for i, op in enumerate(prefix):
            later = [o[1] for o in prefix[i + 1:] if o[0] == "fsync"]
            if op[0] in ("fsync", "mkdir"):
                durable.add(i)  # a folder lostphone makes is fsynced into its parent at once
            elif op[0] in ("write", "trunc"):
                if op[1] in later:
                    durable.add(i)
            else:
                names = [op[1]] + ([op[2]] if op[0] in ("link", "rename") else [])
                if all(("dir", os.path.dirname(n)) in later for n in names):
                    durable.add(i)
        del synced
        loose = [i for i in range(k) if i not in durable]
        if len(loose) > MAX_UNSYNCED:
            raise SystemExit(f"crash-states: {len(loose)} unsynced operations; the tool would need sampling")
        for r in range(len(loose) + 1):
            for kept in itertools.combinations(loose, r):
                state = FS(start_files, home)
                for i in sorted(durable | set(kept)):
                    state.apply(prefix[i])
                yield k, state


def fingerprint(state):
    h = hashlib.sha256()
    for path in sorted(state.names):
        h.update(path.encode() + b"\0" + bytes(state.data[state.names[path]]) + b"\0")
    for d in sorted(state.dirs):
        h.update(d.encode() + b"\1")
    return h.hexdigest()


def check(name, args, marker, home, acked_when, done, scratch):
    """Records `args` run in `home` (a copy is used), then checks every crash state."""
    start = snapshot(home)
    work = os.path.join(scratch, name + "-run")
    shutil.copytree(home, work, symlinks=True)
    ops, answer = record(args, work, start, marker)
    final = snapshot(work)
    shutil.rmtree(work)
    if answer is None:
        return len(ops), 0, [f"{name}: the command printed no answer: {args}"]
    seen, violations, states = set(), [], 0
    for k, state in crash_states([relocate(o, work, home) for o in ops], start, home):
        key = (k >= answer, fingerprint(state))
        if key in seen:
            continue
        seen.add(key)
        states += 1
        root = os.path.join(scratch, f"{name}-state")
        shutil.rmtree(root, ignore_errors=True)
        state.materialize(root, home)
        problem = acked_when(root, k >= answer, final, home)
        if problem:
            violations.append(f"{name}: crash after {k} of {len(ops)} operations: {problem}")
        shutil.rmtree(root, ignore_errors=True)
    done.append((name, len(ops), states))
    return len(ops), states, violations


def relocate(op, old, new):
    def move(x):
        if isinstance(x, str) and x.startswith(old):
            return new + x[len(old):]
        if isinstance(x, tuple):
            return tuple(move(y) for y in x)
        return x
    return tuple(move(x) for x in op)


def journal_checks(root, acked, wanted):
    """The journal of a crash state opens, is not changed when refused, and holds `wanted`
    (a text of its lines) once the action was acknowledged."""
    state_dir = os.path.join(root, "state", "lostphone")
    journals = sorted(f for f in os.listdir(state_dir) if f.endswith(".jsonl")) if os.path.isdir(state_dir) else []
    status, out, err = run(["status", "--lang", "en"], root)
    if not journals:
        if acked:
            return "the acknowledged incident is gone"
        return None if "no incident" in err else f"status without a journal: {err.strip()[:200]}"
    if status != 0:
        return f"status refused the journal: {err.strip()[:300]}"
    path = os.path.join(state_dir, journals[-1])
    before = open(path, "rb").read()
    if acked and wanted.encode() not in before:
        return f"the acknowledged action ({wanted}) is not in the journal"
    code, _, err = run(["note", "--lang", "en", "police", "check"], root)
    if code != 0 and open(path, "rb").read() != before:
        return f"note refused the journal and changed it: {err.strip()[:300]}"
    if code != 0:
        return f"note refused the journal: {err.strip()[:300]}"
    return None


def main():
    if shutil.which("strace") is None:
        raise SystemExit("crash-states: strace is not installed (apt-get install strace)")
    scratch = tempfile.mkdtemp(prefix="lostphone-crash-")
    try:
        home = os.path.join(scratch, "home")
        os.makedirs(os.path.join(home, "config", "lostphone"))
        with open(os.path.join(home, "config", "lostphone", "profile.yaml"), "w") as fh:
            fh.write(PROFILE)
        done, violations, total_ops = [], [], 0

        def created(root, acked, final, _):
            return journal_checks(root, acked, '"note":"first note"')
        n, _, v = check("create", ["note", "--lang", "en", "police", "first note"], "Added a note", home, created, done, scratch)
        violations += v
        run(["note", "--lang", "en", "police", "first note"], home)

        def recorded(root, acked, final, _):
            return journal_checks(root, acked, '"provider":"china-unicom","seq"')
        v = check("record", ["record", "--lang", "en", "sim", "done", "--provider", "china-unicom"], "Recorded", home, recorded, done, scratch)[2]
        violations += v

        def prepared(root, acked, final, _):
            code, out, err = run(["prepare", "--lang", "en", "--list"], root)
            if code != 0:
                return f"the profile does not read: {err.strip()[:300]}"
            text = open(os.path.join(root, "config", "lostphone", "profile.yaml")).read()
            if acked and "icbc" not in text:
                return "the acknowledged bank is not in the profile"
            return None
        violations += check("prepare", ["prepare", "--lang", "en", "--bank", "icbc"], "Saved", home, prepared, done, scratch)[2]

        def exported(root, acked, final, home_path):
            reports = [p for p in os.listdir(root) if p.startswith("lostphone-report")]
            for r in reports:
                whole = final.get(r)
                if whole is None or open(os.path.join(root, r), "rb").read() != whole:
                    return f"{r} is there but not whole"
            if acked and not reports:
                return "the acknowledged report is not there"
            return None
        violations += check("export", ["export", "--lang", "en"], "Report written", home, exported, done, scratch)[2]

        for name, ops, states in done:
            print(f"crash-states: {name}: {ops} file operations recorded, {states} distinct crash states checked")
        print(f"crash-states: {sum(s for _, _, s in done)} crash states over {len(done)} operations, {len(violations)} violations")
        for v in violations[:20]:
            print("crash-states: VIOLATION " + v)
        return 1 if violations or len(done) < 4 else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
