#!/usr/bin/env python3
"""Adds or updates Chinese translations in SharedResource.zh-CN.resx.

Reads lines "English key<TAB>中文" from standard input; keeps the file sorted by key.
    printf 'Save\t保存\n' | scripts/i18n-add.py
"""
import os, sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'Fengqiao.App', 'Resources', 'SharedResource.zh-CN.resx')
entries = {d.get('name'): d.find('value').text or '' for d in ET.parse(path).getroot().iter('data')}
for line in sys.stdin:
    line = line.rstrip('\n')
    if '\t' in line:
        key, value = line.split('\t', 1)
        entries[key] = value
lower = {}
for key in entries:
    if key.lower() in lower and lower[key.lower()] != key:
        sys.exit(f'resx names are case-insensitive: "{key}" clashes with "{lower[key.lower()]}"')
    lower[key.lower()] = key
out = ['<?xml version="1.0" encoding="utf-8"?>', '<root>',
       '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
       '  <resheader name="version"><value>2.0</value></resheader>',
       '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
       '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for key in sorted(entries):
    out.append(f'  <data name="{escape(key, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(entries[key])}</value></data>')
out.append('</root>')
with open(path, 'w', encoding='utf-8') as f:
    f.write('\n'.join(out) + '\n')
print(f'{len(entries)} translations')
