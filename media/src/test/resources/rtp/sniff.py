"""Records UDP datagrams whose first byte says RTP/RTCP (128..191), on every interface, for N seconds."""
import socket, struct, sys, time, json

seconds = float(sys.argv[1]); out = sys.argv[2]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(0x0003))
s.settimeout(0.5)
seen = []
end = time.time() + seconds
while time.time() < end:
    try:
        frame, addr = s.recvfrom(65535)
    except socket.timeout:
        continue
    if addr[2] == socket.PACKET_OUTGOING:  # loopback shows each datagram twice
        continue
    eth_type = struct.unpack('!H', frame[12:14])[0]
    if eth_type == 0x0800:
        ihl = (frame[14] & 0x0F) * 4
        if frame[14 + 9] != 17:
            continue
        udp = frame[14 + ihl:]
    elif eth_type == 0x86DD:
        if frame[14 + 6] != 17:
            continue
        udp = frame[14 + 40:]
    else:
        continue
    payload = udp[8:]
    if len(payload) >= 12 and 128 <= payload[0] <= 191:
        seen.append({'t': time.time(), 'sport': struct.unpack('!H', udp[0:2])[0],
                     'dport': struct.unpack('!H', udp[2:4])[0], 'hex': payload.hex()})
json.dump(seen, open(out, 'w'))
print(len(seen), 'packets')
