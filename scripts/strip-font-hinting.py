#!/usr/bin/env python3
# Writes a copy of a TrueType font without hinting (the fpgm, prep and cvt tables and every
# glyph's instructions), for embedding; see docs/templates.md ("Fonts and ghostscript").
# Usage: strip-font-hinting.py IN.ttf OUT.ttf. The shipped fonts in fonts/ stay unchanged.
import struct, sys
def checksum(b):
    b += b'\0' * ((4 - len(b) % 4) % 4)
    return sum(struct.unpack('>%dI' % (len(b) // 4), b)) & 0xffffffff
def strip(data):
    ver, n = struct.unpack('>IH', data[:6])
    tables = {}
    for i in range(n):
        tag, cs, off, ln = struct.unpack('>4sIII', data[12 + 16 * i: 28 + 16 * i])
        tables[tag] = data[off:off + ln]
    for t in (b'fpgm', b'prep', b'cvt '):
        tables.pop(t, None)
    head = bytearray(tables[b'head'])
    long_loca = struct.unpack('>h', head[50:52])[0] == 1
    nglyphs = struct.unpack('>H', tables[b'maxp'][4:6])[0]
    loca = tables[b'loca']
    offs = struct.unpack('>%d%s' % (nglyphs + 1, 'I' if long_loca else 'H'), loca)
    if not long_loca: offs = [o * 2 for o in offs]
    glyf = tables[b'glyf']
    out = bytearray(); new_offs = []
    for g in range(nglyphs):
        new_offs.append(len(out))
        gd = glyf[offs[g]:offs[g + 1]]
        if len(gd) >= 10:
            nc = struct.unpack('>h', gd[:2])[0]
            if nc >= 0:
                p = 10 + 2 * nc
                ilen = struct.unpack('>H', gd[p:p + 2])[0]
                gd = gd[:p] + b'\0\0' + gd[p + 2 + ilen:]
            else:  # composite: clear WE_HAVE_INSTRUCTIONS and drop them
                p = 10; gd = bytearray(gd)
                while True:
                    flags = struct.unpack('>H', gd[p:p + 2])[0]
                    last_flag_pos = p
                    p += 4 + (4 if flags & 1 else 2)
                    if flags & 8: p += 2
                    elif flags & 0x40: p += 4
                    elif flags & 0x80: p += 8
                    if not flags & 0x20: break
                if flags & 0x100:
                    gd[last_flag_pos:last_flag_pos + 2] = struct.pack('>H', flags & ~0x100)
                    gd = gd[:p]
                gd = bytes(gd)
        out += gd
        out += b'\0' * (len(out) % 2)  # keep glyphs 2-aligned... (short loca)
    new_offs.append(len(out))
    tables[b'glyf'] = bytes(out)
    tables[b'loca'] = struct.pack('>%dI' % len(new_offs), *new_offs)
    head[50:52] = struct.pack('>h', 1)
    head[8:12] = b'\0\0\0\0'
    tables[b'head'] = bytes(head)
    maxp = bytearray(tables[b'maxp'])
    if len(maxp) >= 32:
        maxp[26:28] = b'\0\0'  # maxSizeOfInstructions
    tables[b'maxp'] = bytes(maxp)
    tags = sorted(tables)
    n = len(tags)
    es = 1
    while (1 << es) <= n: es += 1
    es -= 1
    sr = (1 << es) * 16
    hdr = struct.pack('>IHHHH', ver, n, sr, es, n * 16 - sr)
    body = bytearray(); dirs = b''
    off = 12 + 16 * n
    for t in tags:
        d = tables[t]
        dirs += struct.pack('>4sIII', t, checksum(d), off + len(body), len(d))
        body += d + b'\0' * ((4 - len(d) % 4) % 4)
    font = bytearray(hdr + dirs + body)
    adj = (0xB1B0AFBA - checksum(bytes(font))) & 0xffffffff
    hp = 12 + 16 * tags.index(b'head')
    hoff = struct.unpack('>I', font[hp + 8:hp + 12])[0]
    font[hoff + 8:hoff + 12] = struct.pack('>I', adj)
    return bytes(font)
open(sys.argv[2], 'wb').write(strip(open(sys.argv[1], 'rb').read()))
