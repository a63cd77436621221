# free-port.sh -- sourced by the MTA tests: print a free loopback port.
#
# Chosen at random below the kernel's ephemeral range (32768 and up), so no
# outgoing connection can take it between this check and the MTA's bind, and
# checked free by binding it; parallel tests rarely draw the same one, and
# never one that is already bound.
free_port() {
    python3 -c '
import random, socket
for _ in range(500):
    port = random.randint(20000, 32000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    break
'
}
