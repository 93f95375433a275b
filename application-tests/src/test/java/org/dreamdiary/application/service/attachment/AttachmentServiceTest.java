package org.dreamdiary.application.service.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dreamdiary.application.service.Contents.held;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALICE;
import static org.dreamdiary.application.service.planning.PlanningWorld.ALL;
import static org.dreamdiary.application.service.planning.PlanningWorld.BOB;
import static org.dreamdiary.application.service.planning.PlanningWorld.START;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.dreamdiary.application.change.ExpectedVersion;
import org.dreamdiary.application.page.PageRequest;
import org.dreamdiary.application.port.in.attachment.ReadAttachmentContent.Content;
import org.dreamdiary.application.port.in.attachment.UploadFile.ReceivedFile;
import org.dreamdiary.application.port.out.user.Users;
import org.dreamdiary.application.service.planning.PlanningWorld;
import org.dreamdiary.domain.attachment.Attachment;
import org.dreamdiary.domain.attachment.AttachmentKind;
import org.dreamdiary.domain.attachment.FileFormat;
import org.dreamdiary.domain.attachment.FileName;
import org.dreamdiary.domain.attachment.ImageSize;
import org.dreamdiary.domain.attachment.LinkUrl;
import org.dreamdiary.domain.error.NotFoundException;
import org.dreamdiary.domain.error.StaleVersionException;
import org.dreamdiary.domain.error.UnsupportedContentException;
import org.dreamdiary.domain.user.User;
import org.dreamdiary.domain.user.Username;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AttachmentServiceTest {
    @AutoClose
    private final PlanningWorld world = new PlanningWorld();
    private final AttachmentService service = world.attachmentService;

    @AfterEach
    void everyWriteHappenedInsideATransaction() {
        assertThat(world.transactions.writesOutside()).isEmpty();
    }

    /** A PNG of {@code width} × {@code height}: its signature, its IHDR chunk, then {@code rest} bytes of data. */
    static byte[] png(int width, int height, int rest) {
        ByteBuffer bytes = ByteBuffer.allocate(8 + 8 + 13 + 4 + rest);
        bytes.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        bytes.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        bytes.put(new byte[] {8, 6, 0, 0, 0}).putInt(0);
        for (int i = 0; i < rest; i++) {
            bytes.put((byte) i);
        }
        return bytes.array();
    }

    private static ReceivedFile received(String name, byte[] bytes) {
        return new ReceivedFile() {
            @Override
            public String clientName() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // uploading

    @Test
    void givenAPngNamedJpg_whenUploaded_thenItIsKeptAsAPngImageWithItsSizeDigestAndName() throws Exception {
        byte[] bytes = png(640, 480, 200);

        Attachment uploaded = service.upload(ALICE, received("holiday.jpg", bytes));

        assertThat(uploaded.kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(uploaded.file().format()).isEqualTo(FileFormat.PNG);
        assertThat(uploaded.file().imageSize()).isEqualTo(new ImageSize(640, 480));
        assertThat(uploaded.file().sizeBytes()).isEqualTo(bytes.length);
        assertThat(uploaded.file().sha256().hex()).isEqualTo(sha256(bytes));
        assertThat(uploaded.file().name()).isEqualTo(new FileName("holiday.jpg"));
        assertThat(uploaded.owner()).isEqualTo(ALICE);
        assertThat(uploaded.createdAt()).isEqualTo(START);
        assertThat(service.attachment(ALICE, uploaded.id())).isEqualTo(uploaded);
        assertThat(readAll(service.open(ALICE, uploaded.id()).read(0, bytes.length))).isEqualTo(bytes);
    }

    @Test
    void anUploadIsOneTransaction() {
        service.upload(ALICE, received("a.png", png(1, 1, 10)));

        assertThat(world.transactions.begun()).isEqualTo(1);
        assertThat(world.transactions.rolledBack()).isZero();
    }

    @Test
    void givenTextNamedPng_whenUploaded_thenItIsUnsupportedAndNothingIsKept() {
        byte[] text = "just some words, no picture at all".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> service.upload(ALICE, received("fake.png", text)))
                .isInstanceOf(UnsupportedContentException.class);

        assertThat(world.storedAttachments()).isZero();
        assertThat(world.storedContents()).isZero();
    }

    @Test
    void givenContentBreakingOffWhileTheStoreTakesIt_whenUploaded_thenNeitherMetadataNorBytesAreKept() {
        byte[] bytes = png(10, 10, 50_000);
        AtomicInteger opened = new AtomicInteger();
        ReceivedFile breakingOff = new ReceivedFile() {
            @Override
            public String clientName() {
                return "big.png";
            }

            /** Whole when inspected; when stored, 100 bytes and then a broken connection. */
            @Override
            public InputStream open() {
                return opened.getAndIncrement() == 0 ? new ByteArrayInputStream(bytes)
                        : new SequenceInputStream(new ByteArrayInputStream(bytes, 0, 100), new InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw new IOException("the connection broke");
                            }
                        });
            }
        };

        assertThatThrownBy(() -> service.upload(ALICE, breakingOff)).isInstanceOf(UncheckedIOException.class);

        assertThat(world.transactions.rolledBack()).isEqualTo(1);
        assertThat(world.storedAttachments()).isZero();
        assertThat(world.storedContents()).isZero();
        assertThat(service.list(ALICE, null, ALL).items()).isEmpty();
    }

    @Test
    void givenAFileThatChangesBetweenItsInspectionAndItsStorage_whenUploaded_thenNothingIsKept() {
        AtomicInteger opened = new AtomicInteger();
        ReceivedFile growing = new ReceivedFile() {
            @Override
            public String clientName() {
                return "moving.png";
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(png(2, 2, opened.getAndIncrement() == 0 ? 10 : 20));
            }
        };

        assertThatThrownBy(() -> service.upload(ALICE, growing)).isInstanceOf(IllegalStateException.class);

        assertThat(world.storedAttachments()).isZero();
        assertThat(world.storedContents()).isZero();
    }

    // links

    @Test
    void aLinkIsKeptWithItsUrlAndNoContentInOneTransaction() {
        Attachment link = service.addLink(ALICE, new LinkUrl("https://example.com/trip"));

        assertThat(link.kind()).isEqualTo(AttachmentKind.LINK);
        assertThat(link.link()).isEqualTo(new LinkUrl("https://example.com/trip"));
        assertThat(link.hasContent()).isFalse();
        assertThat(world.transactions.begun()).isEqualTo(1);
        assertThat(service.attachment(ALICE, link.id())).isEqualTo(link);
        assertThat(world.storedContents()).isZero();
    }

    // reading metadata

    @Test
    void anotherUsersAttachmentIsNotFound() {
        Attachment alices = service.upload(ALICE, received("a.png", png(1, 1, 10)));

        assertThatThrownBy(() -> service.attachment(BOB, alices.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.list(BOB, null, ALL).items()).isEmpty();
    }

    @Test
    void theListHoldsTheOwnersAttachmentsNewestFirstOfOneKindWhenAsked() {
        Attachment picture = service.upload(ALICE, received("a.png", png(1, 1, 10)));
        world.clock.advance(Duration.ofMinutes(1));
        Attachment link = service.addLink(ALICE, new LinkUrl("https://example.com/a"));
        world.clock.advance(Duration.ofMinutes(1));
        service.addLink(BOB, new LinkUrl("https://example.com/bob"));

        assertThat(service.list(ALICE, null, ALL).items()).containsExactly(link, picture);
        assertThat(service.list(ALICE, AttachmentKind.IMAGE, ALL).items()).containsExactly(picture);
        assertThat(service.list(ALICE, AttachmentKind.VIDEO, ALL).items()).isEmpty();
        var firstPage = service.list(ALICE, null, new PageRequest(1, 1));
        assertThat(firstPage.items()).containsExactly(link);
        assertThat(firstPage.totalItems()).isEqualTo(2);
    }

    // deleting

    @Test
    void deletingAnAttachmentForgetsItAndFreesItsBytesInOneTransaction() {
        Attachment picture = service.upload(ALICE, received("a.png", png(1, 1, 10)));
        int before = world.transactions.begun();

        service.delete(ALICE, picture.id(), ExpectedVersion.none());

        assertThat(world.transactions.begun()).isEqualTo(before + 1);
        assertThatThrownBy(() -> service.attachment(ALICE, picture.id())).isInstanceOf(NotFoundException.class);
        assertThat(held(world.blobs, picture.id())).isFalse();
        assertThatThrownBy(() -> service.delete(ALICE, picture.id(), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeleteExpectingAVersionTheAttachmentNeverHadKeepsEverything() {
        Attachment picture = service.upload(ALICE, received("a.png", png(1, 1, 10)));

        assertThatThrownBy(() -> service.delete(ALICE, picture.id(), ExpectedVersion.of(picture.version() + 1)))
                .isInstanceOf(StaleVersionException.class);

        assertThat(service.attachment(ALICE, picture.id())).isEqualTo(picture);
        assertThat(held(world.blobs, picture.id())).isTrue();
    }

    @Test
    void deletingAnotherUsersAttachmentIsNotFoundAndKeepsIt() {
        Attachment picture = service.upload(ALICE, received("a.png", png(1, 1, 10)));

        assertThatThrownBy(() -> service.delete(BOB, picture.id(), ExpectedVersion.none()))
                .isInstanceOf(NotFoundException.class);

        assertThat(held(world.blobs, picture.id())).isTrue();
    }

    @Test
    void deletingAGoneAttachmentUnderAConditionIsAFailedCondition() {
        Attachment link = service.addLink(ALICE, new LinkUrl("https://example.com/a"));
        service.delete(ALICE, link.id(), ExpectedVersion.of(link.version()));

        assertThatThrownBy(() -> service.delete(ALICE, link.id(), ExpectedVersion.of(link.version())))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> service.delete(ALICE, link.id(), ExpectedVersion.any()))
                .isInstanceOf(StaleVersionException.class);
    }

    // content

    @Test
    void theOwnerReadsAnyRangeOfTheContent() {
        byte[] bytes = png(3, 3, 1000);
        Attachment picture = service.upload(ALICE, received("a.png", bytes));

        Content content = service.open(ALICE, picture.id());

        assertThat(content.attachment()).isEqualTo(picture);
        byte[] tail = new byte[100];
        System.arraycopy(bytes, bytes.length - 100, tail, 0, 100);
        assertThat(readAll(content.read(bytes.length - 100, 100))).isEqualTo(tail);
    }

    @Test
    void anotherUsersContentIsNotFoundAndSoIsALinks() {
        Attachment picture = service.upload(ALICE, received("a.png", png(1, 1, 10)));
        Attachment link = service.addLink(ALICE, new LinkUrl("https://example.com/a"));

        assertThatThrownBy(() -> service.open(BOB, picture.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.open(ALICE, link.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.open(ALICE, new org.dreamdiary.domain.attachment.AttachmentId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAvatarsContentIsReadableByAnyUserButItsMetadataStaysTheOwners() {
        Users users = world.storage.users();
        User alice = User.register(ALICE, new Username("alice"), "hash", null, null, null, START);
        users.add(alice);
        byte[] bytes = png(64, 64, 10);
        Attachment face = service.upload(ALICE, received("face.png", bytes));
        users.update(alice.withProfile(null, null, null, face.id().value(), START));

        assertThat(readAll(service.open(BOB, face.id()).read(0, bytes.length))).isEqualTo(bytes);
        assertThatThrownBy(() -> service.attachment(BOB, face.id())).isInstanceOf(NotFoundException.class);
        assertThat(Optional.of(users.byId(ALICE).orElseThrow().avatarAttachmentId())).contains(face.id().value());
    }
}
