package dev.gallerykit.image;

import dev.gallerykit.spi.ImageEngine;
import dev.gallerykit.testkit.contract.ImageEngineContract;

/** The pure-Java engine against the contract; it writes none of the formats the kit cannot. */
class JavaImageEngineTest extends ImageEngineContract {

    @Override
    protected ImageEngine engine() {
        return new JavaImageEngine();
    }
}
