#!/usr/bin/env python3
"""Writes every answer a refactoring must not change, one JSON line each, so that two builds can be diffed.

Usage: src/test/tools/answer_snapshot.py <checkout> <out-file>
Starts <checkout>/target/skillgraph.jar on free ports with its own store and <checkout>/graph-seed, then asks: a search
and a suggestion for every query of src/test/resources/relevance-queries.tsv (also filtered by kind and with known
topics), and for every node of the seed its details, its plan (plain, with known topics and a pace, as Markdown), what it
unlocks, and next steps. Volatile fields (versions, timings) are dropped. Compare two files with diff.
"""
import json, os, re, signal, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request, glob

VOLATILE = re.compile(r'(?i)version|took|millis|builtAt|importedAt|elapsed')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            body = r.read().decode()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read().decode(), e.code
    try:
        return status, strip(json.loads(body))
    except ValueError:
        return status, body


def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if not VOLATILE.search(k)}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def main(checkout, out):
    port = free_port()
    env = dict(os.environ, SKILLGRAPH_HTTP_PORT=str(port), SKILLGRAPH_BOLT_PORT=str(free_port()),
               SKILLGRAPH_BROWSER_PORT=str(free_port()), SKILLGRAPH_DATA_DIR=tempfile.mkdtemp(),
               SKILLGRAPH_SEED_DIR=os.path.join(checkout, 'graph-seed'))
    app = subprocess.Popen(['java', '-jar', os.path.join(checkout, 'target/skillgraph.jar')], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = 'http://127.0.0.1:%d' % port
    try:
        for _ in range(120):
            try:
                if get(base, '/ready')[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        queries = [line.split('\t')[1] for line in open(os.path.join(checkout, 'src/test/resources/relevance-queries.tsv'))
                   if line.strip() and not line.startswith('#')]
        ids = sorted({m for f in glob.glob(os.path.join(checkout, 'graph-seed/**/*.yaml'), recursive=True)
                      for m in re.findall(r'^\s*-?\s*id:\s*([a-z0-9-]+)\s*$', open(f).read(), re.M)})
        paths = ['/api/stages', '/api/careers', '/api/next?known=python', '/api/next?known=python&goal=fine-tuning-peft']
        for q in queries:
            e = urllib.parse.quote(q)
            paths += ['/api/search?q=' + e, '/api/search?q=%s&kind=tool' % e, '/api/search?q=%s&known=python' % e,
                      '/api/suggest?q=' + urllib.parse.quote(q[:4])]
        for i in ids:
            paths += ['/api/nodes/' + i, '/api/learning-path/' + i, '/api/unlocks/' + i,
                      '/api/learning-path/%s?known=python,statistics-probability&hoursPerWeek=8' % i,
                      '/api/learning-path/%s?format=markdown' % i]
        with open(out, 'w') as f:
            for p in paths:
                status, body = get(base, p)
                f.write(json.dumps({'path': p, 'status': status, 'body': body}, sort_keys=True) + '\n')
        print('%d answers from %d queries and %d nodes written to %s' % (len(paths), len(queries), len(ids), out))
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(30)


if __name__ == '__main__':
    main(*sys.argv[1:3])
