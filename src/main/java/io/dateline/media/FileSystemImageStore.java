package io.dateline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Renditions as files of one directory. A file is written under a temporary name and moved into
 * place, so a reader never sees half of one.
 */
class FileSystemImageStore implements ImageStore {

    private final Path directory;

    FileSystemImageStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = resolve(key);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".upload-", ".tmp");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot store " + key, ex);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + key, ex);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot delete " + key, ex);
        }
    }

    private Path resolve(String key) {
        Path path = directory.resolve(key).normalize();
        if (!path.getParent().equals(directory)) {
            throw new IllegalArgumentException("Not a key of this store: " + key);
        }
        return path;
    }
}
