"""The raw kombu baseline that tools/bench.py measures the chat against.

    python tools/raw_kombu.py consume          # print `AUTHOR: MSG` for each message
    python tools/raw_kombu.py publish AUTHOR   # publish each line of stdin

It does what a chat client does on the wire, with plain kombu and nothing
else (no nameko, no eventlet): one publish per line, each waiting for the
broker's confirm, to a topic exchange with routing key `message` and a JSON
payload `{"author": AUTHOR, "msg": TEXT}`; the consumer has an exclusive,
auto-delete queue of its own, acks each message (prefetch 10, as nameko's
default), and prints and flushes one line per message.

Each prints `ready` once it is connected (the consumer: once it consumes).
The bench starts them; they use the broker at $AMQP_URI, as the bench does.
"""
import os
import sys

from kombu import Connection, Consumer, Exchange, Producer, Queue

BROKER = os.environ.get("AMQP_URI", "amqp://guest:guest@localhost:5672/")
EXCHANGE = Exchange("bench.events", type="topic")
ROUTING_KEY = "message"
PREFETCH = 10


def consume():
    """Print each message as `AUTHOR: MSG`, flushed, until interrupted."""
    queue = Queue(exchange=EXCHANGE, routing_key=ROUTING_KEY,
                  exclusive=True, auto_delete=True)

    def on_message(body, message):
        sys.stdout.write(f"{body['author']}: {body['msg']}\n")
        sys.stdout.flush()
        message.ack()

    with Connection(BROKER) as conn:
        with Consumer(conn, queues=[queue], callbacks=[on_message],
                      accept=["json"], prefetch_count=PREFETCH):
            print("ready", flush=True)
            while True:
                conn.drain_events()


def publish(author):
    """Publish each non-blank line of stdin, one confirmed publish per line."""
    with Connection(BROKER,
                    transport_options={"confirm_publish": True}) as conn:
        producer = Producer(conn.channel(), exchange=EXCHANGE)
        EXCHANGE.declare(channel=producer.channel)
        print("ready", flush=True)
        for raw in sys.stdin.buffer:
            text = raw.decode("utf-8", errors="replace").strip()
            if text:
                producer.publish({"author": author, "msg": text},
                                 routing_key=ROUTING_KEY, serializer="json",
                                 delivery_mode=2)


def main():
    try:
        if sys.argv[1:2] == ["consume"]:
            consume()
        elif sys.argv[1:2] == ["publish"] and len(sys.argv) == 3:
            publish(sys.argv[2])
        else:
            sys.exit(__doc__)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
