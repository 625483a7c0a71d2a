package passcom.bench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lower bound, not a candidate: records appended to a plain file by {@link GroupCommit}'s writer thread,
 * with one {@link FileChannel#force} per batch. No index, no reads, no recovery: what a hand-written log
 * could reach at best on this disk, to tell how far each engine is from the fsync itself.
 */
final class AppendOnlyFile implements Candidate {

    private final Shape shape;
    private final FileChannel channel;
    private final GroupCommit<byte[]> group;

    AppendOnlyFile(Path file, Shape shape, int maxBatch) throws IOException {
        this.shape = shape;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.group = new GroupCommit<>(new ForcedLog(channel), maxBatch, "append-only-file");
    }

    @Override
    public Writer writer() {
        return (txn, segment) -> group.commit(shape.record(txn, segment));
    }

    @Override
    public String note() {
        return String.format("mean batch %.1f", group.meanBatch());
    }

    @Override
    public void close() throws Exception {
        group.close();
        channel.close();
    }

    private static final class ForcedLog implements GroupCommit.Log<byte[]> {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);

        ForcedLog(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void begin() {
            buffer.clear();
        }

        @Override
        public void append(byte[] record) {
            buffer.put(record);
        }

        @Override
        public void commit() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }

        @Override
        public void rollback() {
            buffer.clear();
        }
    }
}
