#!/usr/bin/env python3
# Lists localiser keys used in src/ (the host, the app, the tools) that have no Chinese translation. Exit 1 if any.
import re,glob,sys,os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','src'))
keys=set()
for f in glob.glob('**/*.cs',recursive=True)+glob.glob('**/*.cshtml',recursive=True):
    if '/Migrations/' in f or f.startswith('Fengqiao.Migrations.') or '/obj/' in f or '/bin/' in f or '/node_modules/' in f: continue
    s=open(f,encoding='utf-8').read()
    for m in re.finditer(r'\b(?:L|l|localizer)\["((?:[^"\\]|\\.)*)"',s): keys.add(m.group(1))
    # Checks messages: "..." strings that end in '.' inside When/Add/Required calls, and Problems.Duplicate
    for m in re.finditer(r'(?:When|Add|Duplicate)\((?:[^;]*?),\s*"((?:[^"\\]|\\.)*[.?!])"',s): keys.add(m.group(1))
    for m in re.finditer(r'return "((?:[^"\\]|\\.)*[.])";',s): keys.add(m.group(1))
    for m in re.finditer(r'ErrorMessage = "((?:[^"\\]|\\.)*)"',s): keys.add(m.group(1))
import xml.etree.ElementTree as ET, os
root=ET.parse(os.path.join('Fengqiao.App','Resources','SharedResource.zh-CN.resx')).getroot()
have={d.get('name') for d in root.iter('data')}
missing=sorted(k for k in keys if k not in have)
for k in missing: print('missing zh-CN:', k)
sys.exit(1 if missing else 0)
