package dev.conn.platform.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:fulldisk:/dir/name}) over the real disk whose database file
 * refuses writes while {@link #full} is set, exactly as the JDK reports ENOSPC on Linux:
 * {@code IOException("No space left on device")}. So H2 itself turns the refusal into its own
 * exceptions, as it does on a real full disk (a loop-mounted tiny file system needs root mounts).
 * Modelled on H2's own test helper {@code org.h2.test.utils.FilePathUnstable}.
 */
public final class FullDiskFilePath extends FilePathWrapper {
    /** H2 creates instances by reflection. */
    public FullDiskFilePath() {}

    static volatile boolean full;

    private static final FullDiskFilePath INSTANCE = new FullDiskFilePath();

    static void register() {
        FilePath.register(INSTANCE);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel real = super.open(mode);
        return getBase().getName().endsWith(".mv.db") ? new Refusing(real) : real;
    }

    @Override
    public String getScheme() {
        return "fulldisk";
    }

    private static final class Refusing extends FileBase {
        private final FileChannel channel;

        Refusing(FileChannel channel) {
            this.channel = channel;
        }

        private static void check() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public void implCloseChannel() throws IOException {
            channel.close();
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long pos) throws IOException {
            return channel.read(dst, pos);
        }

        @Override
        public FileChannel position(long pos) throws IOException {
            channel.position(pos);
            return this;
        }

        @Override
        public FileChannel truncate(long newLength) throws IOException {
            check();
            channel.truncate(newLength);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            channel.force(metaData);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return channel.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check();
            return channel.write(src, position);
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }
    }
}
